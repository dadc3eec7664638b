// packed.js: dispersion rows packed into typed arrays for the worker's message, and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pack, unpack } from '../www/packed.js';

/** Random rows as Document.dispersion gives them (a seeded generator: the same each run). */
function rows(seed) {
  let x = seed;
  const next = (n) => { x = (x * 1103515245 + 12345) % 2 ** 31; return x % n; };
  const names = ['Ada', 'Ben', '(unattributed)', 'Сергей', 'A "quoted" name'];
  return Array.from({ length: 1 + next(5) }, (_, r) => {
    const count = next(400);
    const positions = [];
    let at = 0;
    for (let i = 0; i < count; i++) positions.push((at += 1 + next(50)));
    return {
      term: `term${r}`, count, positions,
      speakers: positions.map(() => names[next(names.length)]),
      starts: positions.map((p) => p * 6 + next(5)),
      tokens: at + 10, dp: count ? next(1000) / 1000 : null,
    };
  });
}

test('unpack(pack(rows)) is rows, for random rows', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const original = rows(seed);
    const { rows: packed } = pack(original);
    assert.deepEqual(unpack(structuredClone(packed)), original, `seed ${seed}`);
  }
});

test('every per-occurrence array moves as a buffer; names are stored once per row', () => {
  const original = rows(7);
  const { rows: packed, transfer } = pack(original);
  assert.equal(transfer.length, original.length * 3);
  for (const [i, row] of packed.entries()) {
    assert.ok(row.positions instanceof Uint32Array && row.starts instanceof Uint32Array && row.speakers instanceof Uint32Array);
    assert.deepEqual(row.names, [...new Set(original[i].speakers)]);
  }
  // Posting with the transfer list moves the buffers: the sender's copies are emptied.
  const { port1 } = new MessageChannel();
  port1.postMessage(packed, transfer);
  port1.close();
  assert.ok(packed.every((row) => row.positions.length === 0));
});

test('no occurrences: empty arrays, and a null DP, survive', () => {
  const empty = [{ term: 'absent', count: 0, positions: [], speakers: [], starts: [], tokens: 12, dp: null }];
  assert.deepEqual(unpack(pack(empty).rows), empty);
});
