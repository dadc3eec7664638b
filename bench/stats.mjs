// Order statistics shared by the Node driver (bench.mjs) and the page run (page.mjs),
// so every median in the report means the same thing.

/** The median: the middle sample, or the mean of the two middle ones. Null for none. */
export const median = (xs) => quantile(xs, 0.5);

/** The q-quantile by nearest rank (the median as above). Null for no samples. */
export function quantile(xs, q) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5) return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; // nearest rank
}
