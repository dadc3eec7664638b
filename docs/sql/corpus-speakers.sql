-- Each speaker across the documents, matched by speaker_key (case and spacing folded).
SELECT speaker_key, sum(words) AS words, sum(turns) AS turns, count(DISTINCT document) AS documents
FROM speakers
GROUP BY speaker_key
ORDER BY words DESC, speaker_key;
