// @ts-check
// "Latest answer wins": of the answers to a kind of request, only the newest request's counts.

/** What a request resolves to when a newer one was made before its answer came. */
export const STALE = Symbol('stale');

/**
 * Wraps `request` so that each call's answer (or failure) is delivered only if no later
 * call was made meanwhile; an older call resolves to `STALE` instead, whatever its answer.
 * @template {unknown[]} A
 * @template T
 * @param {(...args: A) => Promise<T>} request
 * @returns {(...args: A) => Promise<T | typeof STALE>}
 */
export function latest(request) {
  let newest = 0;
  return async (...args) => {
    const call = ++newest;
    try {
      const answer = await request(...args);
      return call === newest ? answer : STALE;
    } catch (err) {
      if (call !== newest) return STALE;
      throw err;
    }
  };
}
