-- Term trends: a term's relative frequency (per 10,000 words) in each document, in date
-- order; documents without the term have 0.
SELECT d.document, d.date, t.term,
       coalesce(sum(x.count), 0) * 10000.0 / d.words AS per10k
FROM documents d
CROSS JOIN (VALUES ('ferry'), ('dredging'), ('pier')) AS t(term)
LEFT JOIN terms x ON x.document = d.document AND x.term = t.term
GROUP BY d.document, d.date, d.words, t.term
ORDER BY t.term, d.date, d.document;
