-- The corpus's term totals: a sum of the documents' counts.
SELECT term, sum(count) AS count
FROM terms
GROUP BY term
ORDER BY count DESC, term;
