-- Document frequency: in how many documents each term occurs, and how often in all.
SELECT term, count(DISTINCT document) AS documents, sum(count) AS count
FROM terms
GROUP BY term
ORDER BY documents DESC, count DESC, term;
