-- Turns per document, from the turns table, with the time the transcript gives.
SELECT document, count(*) AS turns, sum(words) AS words,
       min(start_ms) AS first_start_ms, max(coalesce(end_ms, start_ms)) AS last_time_ms
FROM turns
GROUP BY document
ORDER BY document;
