-- Each speaker's words, turns and share of the words, per document.
SELECT d.document, d.name, s.speaker, s.words, s.turns,
       s.words / d.words::DOUBLE AS share
FROM speakers s JOIN documents d USING (document)
ORDER BY d.document, s.words DESC, s.speaker;
