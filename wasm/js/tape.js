// The JavaScript half of wasm/src/tape.rs: builds a result's plain JS value from its
// tape in one loop. `ops` and `numbers` are views of the wasm memory, valid during this
// call only (nothing here calls back into the wasm). `keyText` holds the static keys'
// names one after another, `keyLengths` the length of each; `chunks` hold every string and
// map key in the order they are read, each the next `length` UTF-16 units of the
// current chunk, or of the next chunk when it does not fit in what is left.
const OBJECT = 0;
const MAP = 1;
const ARRAY = 2;
const NUMBER = 3;
const STRING = 4;
const TRUE = 5;
const FALSE = 6;

export function fromTape(ops, numbers, keyText, keyLengths, chunks) {
  const names = new Array(keyLengths.length);
  for (let k = 0, start = 0; k < names.length; k++) {
    names[k] = keyText.slice(start, start + keyLengths[k]);
    start += keyLengths[k];
  }
  let at = 0;
  let number = 0;
  let c = 0;
  let chunk = chunks[0];
  let pos = 0;
  const text = (length) => {
    if (pos + length > chunk.length) {
      chunk = chunks[++c];
      pos = 0;
    }
    pos += length;
    return chunk.slice(pos - length, pos);
  };
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
          const key = text(ops[at++]);
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
      case STRING:
        return text(ops[at++]);
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
