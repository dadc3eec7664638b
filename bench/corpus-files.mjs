#!/usr/bin/env node
// Many transcript files for the corpus benchmark (bench/corpus.sh):
//
//   node bench/corpus-files.mjs --out DIR [--files 1000] [--size 100kb]
//
// The generator's one seeded stream (gen-corpus.mjs) cut at paragraph ends into FILES
// files of at most SIZE bytes each, in 10 folders (the `group` column), named by a date
// (the `date` column): DIR/series-03/2024-05-17-0342.txt. Deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './gen-corpus.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const out = opt('--out', null);
if (!out) throw new Error('--out DIR is required');
const files = Number(opt('--files', '1000'));
const size = (() => {
  const m = /^(\d+)(kb|mb)?$/i.exec(opt('--size', '100kb'));
  if (!m) throw new Error('--size N[kb|mb]');
  return Number(m[1]) * (m[2]?.toLowerCase() === 'mb' ? 1 << 20 : m[2] ? 1024 : 1);
})();

const t0 = performance.now();
let n = 0;
let parts = [];
let bytes = 0;
const day = (i) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const write = () => {
  const dir = join(out, `series-${String(n % 10).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${day(n)}-${String(n).padStart(4, '0')}.txt`), parts.join(''));
  n++;
  parts = [];
  bytes = 0;
};
generate(files * size * 2, (chunks, _total, reset) => {
  for (const c of chunks) {
    const b = Buffer.byteLength(c);
    if (bytes + b > size && parts.length > 0) write();
    if (n === files) break;
    parts.push(c);
    bytes += b;
  }
  reset();
  return n === files;
});
if (n < files && parts.length > 0) write();
console.log(`corpus files: ${n} × ≤ ${size} B in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
