-- Each document's term counts (the sum over its speakers), as `colloquy analyse FILE --top 0`
-- counts them.
SELECT document, term, sum(count) AS count
FROM terms
GROUP BY document, term
ORDER BY document, count DESC, term;
