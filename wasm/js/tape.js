// The JavaScript half of wasm/src/tape.rs: builds a result's plain JS value from its
// tape in one loop. `ops` and `numbers` are views of the wasm memory, valid during this
// call only (nothing here calls back into the wasm); `text` holds every string, and
// `keys` the (start, length) of each static key in it, in UTF-16 units.
const OBJECT = 0;
const MAP = 1;
const ARRAY = 2;
const NUMBER = 3;
const STRING = 4;
const TRUE = 5;
const FALSE = 6;

export function fromTape(ops, numbers, text, keys) {
  const names = new Array(keys.length >> 1);
  for (let k = 0; k < names.length; k++) names[k] = text.slice(keys[2 * k], keys[2 * k] + keys[2 * k + 1]);
  let at = 0;
  let number = 0;
  const value = () => {
    switch (ops[at++]) {
      case OBJECT: {
        const n = ops[at++];
        const o = {};
        for (let i = 0; i < n; i++) {
          const name = names[ops[at++]];
          o[name] = value();
        }
        return o;
      }
      case MAP: {
        // Keys come from the data (speaker names): `__proto__` must stay an own property.
        const n = ops[at++];
        const o = {};
        for (let i = 0; i < n; i++) {
          const start = ops[at++];
          const key = text.slice(start, start + ops[at++]);
          const v = value();
          if (key === '__proto__') Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
          else o[key] = v;
        }
        return o;
      }
      case ARRAY: {
        const n = ops[at++];
        const a = new Array(n);
        for (let i = 0; i < n; i++) a[i] = value();
        return a;
      }
      case NUMBER:
        return numbers[number++];
      case STRING: {
        const start = ops[at++];
        return text.slice(start, start + ops[at++]);
      }
      case TRUE:
        return true;
      case FALSE:
        return false;
      default:
        return null;
    }
  };
  return value();
}
