// @ts-check
// Dispersion rows in the form cheapest to post between the worker and the page: each
// occurrence's position, start and speaker as typed arrays (a speaker as an index into
// the names), moved rather than copied. A 10 MB text's five most frequent terms have
// over 250,000 occurrences: as arrays of numbers and strings, the page took 100–170 ms
// to receive them, a task that froze it; as typed arrays, about 1 ms.
//
//   const { rows, transfer } = pack(doc.dispersion(terms, {}));  // in the worker
//   postMessage({ rows }, transfer);
//   const dispersion = unpack(rows);                           // in the page

/** @import { Dispersion } from './pkg/colloquy.js' */

/**
 * A Dispersion with its per-occurrence arrays packed.
 * @typedef {Omit<Dispersion, 'positions' | 'starts' | 'speakers'> & { positions: Uint32Array, starts: Uint32Array, speakers: Uint32Array, names: string[] }} PackedDispersion
 */

/**
 * @param {Dispersion[]} rows
 * @returns {{ rows: PackedDispersion[], transfer: ArrayBuffer[] }}
 */
export function pack(rows) {
  /** @type {ArrayBuffer[]} */
  const transfer = [];
  const packed = rows.map((row) => {
    /** @type {Map<string, number>} */
    const index = new Map();
    const speakers = Uint32Array.from(row.speakers, (name) => {
      let i = index.get(name);
      if (i === undefined) index.set(name, (i = index.size));
      return i;
    });
    const positions = Uint32Array.from(row.positions);
    const starts = Uint32Array.from(row.starts);
    transfer.push(positions.buffer, starts.buffer, speakers.buffer);
    return { ...row, positions, starts, speakers, names: [...index.keys()] };
  });
  return { rows: packed, transfer };
}

/**
 * @param {PackedDispersion[]} rows
 * @returns {Dispersion[]}
 */
export function unpack(rows) {
  return rows.map(({ positions, starts, speakers, names, ...row }) => ({
    ...row,
    positions: Array.from(positions),
    starts: Array.from(starts),
    speakers: Array.from(speakers, (i) => names[i] ?? ''),
  }));
}
