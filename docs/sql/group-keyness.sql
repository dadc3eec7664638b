-- Group keyness: how much more (or less) each term is used in documents of group A
-- ('briefings') than in those of group B ('interviews'), by log-likelihood G² over the
-- 2×2 table [[a, b], [na − a, nb − b]] (a, b: the term's count in A and B; na, nb: the
-- words of A's and B's documents):
--   G² = 2 · Σ O · ln(O / E), E = row total × column total / N, N = na + nb,
-- a cell with O = 0 adding nothing; negative when the term is relatively rarer in A.
WITH sides AS (
  SELECT document, words,
         CASE WHEN "group" = 'briefings' THEN 'a' WHEN "group" = 'interviews' THEN 'b' END AS side
  FROM documents
),
totals AS (
  SELECT sum(CASE WHEN side = 'a' THEN words ELSE 0 END)::DOUBLE AS na,
         sum(CASE WHEN side = 'b' THEN words ELSE 0 END)::DOUBLE AS nb
  FROM sides
),
counts AS (
  SELECT t.term,
         sum(CASE WHEN s.side = 'a' THEN t.count ELSE 0 END)::DOUBLE AS a,
         sum(CASE WHEN s.side = 'b' THEN t.count ELSE 0 END)::DOUBLE AS b
  FROM terms t JOIN sides s USING (document)
  WHERE s.side IS NOT NULL
  GROUP BY t.term
),
cells AS (
  SELECT term, a, b, na - a AS c, nb - b AS d, na, nb, na + nb AS n FROM counts, totals
),
scored AS (
  SELECT term, a, b, na, nb,
         2 * (  CASE WHEN a > 0 THEN a * ln(a / ((a + b) * na / n)) ELSE 0 END
              + CASE WHEN b > 0 THEN b * ln(b / ((a + b) * nb / n)) ELSE 0 END
              + CASE WHEN c > 0 THEN c * ln(c / ((c + d) * na / n)) ELSE 0 END
              + CASE WHEN d > 0 THEN d * ln(d / ((c + d) * nb / n)) ELSE 0 END) AS g2
  FROM cells
)
SELECT term, a, b, CASE WHEN a * nb < b * na THEN -g2 ELSE g2 END AS g2
FROM scored
ORDER BY g2 DESC, term;
