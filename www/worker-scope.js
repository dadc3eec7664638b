// @ts-check
// What every worker of the page does first, and how it gets a wasm module.
//
// The page's CSP does not reach a worker (a worker's policy comes with its own HTTP response,
// which a static host does not send), so each worker gives up network access itself.
// (`caches`: Cache.add() fetches; WebSocketStream: Chromium's streams WebSocket. A dynamic
// import() cannot be taken away: only a CSP header on the worker's script would refuse it.)
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'caches', 'WebSocketStream']) {
  Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
}

/** `Uint8Array.fromBase64` where the browser has it (TypeScript's libraries do not declare it yet). */
const U8 = /** @type {Uint8ArrayConstructor & { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }} */ (Uint8Array);

/**
 * The page's CSP forbids fetch, so each .wasm comes as an ES module of base64 bytes
 * (scripts/build-site.sh); this compiles one.
 * @param {string} base64
 * @returns {Promise<WebAssembly.Module>}
 */
export function compileBase64(base64) {
  return WebAssembly.compile(decodeBase64(base64));
}

/**
 * @param {string} s
 * @returns {Uint8Array<ArrayBuffer>}
 */
function decodeBase64(s) {
  if (U8.fromBase64) return U8.fromBase64(s);
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * A trap: a WebAssembly.RuntimeError (`unreachable` from a panic or an allocation failure,
 * out-of-bounds, …), or a RangeError (the stack overflowed, or memory could not grow).
 * Either may stop the wasm half-way through a change to its memory.
 * @param {unknown} err
 */
export const isTrap = (err) => err instanceof WebAssembly.RuntimeError || err instanceof RangeError;
