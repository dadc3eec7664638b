#!/usr/bin/env node
// The real-text inputs (issue 26): every `transcript.txt` of the realworld corpus
// (`../shared/corpus/realworld` beside the repository, or COLLOQUY_REALWORLD), sorted by
// folder name and separated by a blank line, the concatenation repeated until it
// reaches 10 MiB and cut at the last line end before it: bench/corpora/real-10mb.txt.
// bench/corpora/real-1mb.txt is its prefix of 1 MiB, cut the same way.
//
//   node bench/real-corpus.mjs
//
// The realworld corpus is not in the repository (its licences differ), so a clone
// usually has none: then this prints one line, writes `corpora/real-manifest.json` with
// `{ missing: "why" }`, and exits 0; bench.mjs skips the real rows and the report says so.
// Regenerated only when the transcripts or this file change (the manifest holds a hash).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MB, REAL_MANIFEST, REALWORLD, ROOT } from './sizes.mjs';

const OUT = join(ROOT, 'bench', 'corpora');
const TARGETS = [
  ['real-1mb', 1 * MB],
  ['real-10mb', 10 * MB],
];

/** The transcripts, sorted by folder name: [{ name, text }]. */
export function transcripts(dir = REALWORLD) {
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'transcript.txt')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name, 'transcript.txt'), 'utf8') }));
}

/** The first `bytes` bytes of `buf` or less, cut after the last '\n' within them. */
function cutAtLine(buf, bytes) {
  if (buf.length <= bytes) return buf;
  const end = buf.lastIndexOf(0x0a, bytes - 1);
  return buf.subarray(0, end < 0 ? bytes : end + 1);
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const shown = relative(ROOT, REALWORLD) || REALWORLD;
  const ts = transcripts();
  if (!ts || ts.length === 0) {
    const why = `${shown} (COLLOQUY_REALWORLD) ${ts ? 'holds no */transcript.txt' : 'is not there'}`;
    writeFileSync(REAL_MANIFEST, JSON.stringify({ missing: why }, null, 2) + '\n');
    for (const [n] of TARGETS) rmSync(join(OUT, `${n}.txt`), { force: true }); // no stale copies
    console.log(`real corpus: skipped, ${why}`);
    return;
  }
  // One transcript after another, each ending in exactly one line end, a blank line between.
  const once = ts.map((t) => t.text.replace(/\s+$/, '') + '\n').join('\n') + '\n';
  const onceBytes = Buffer.byteLength(once);
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(once).digest('hex').slice(0, 16);
  const old = existsSync(REAL_MANIFEST) ? JSON.parse(readFileSync(REAL_MANIFEST, 'utf8')) : {};
  if (old.hash === hash && TARGETS.every(([n]) => existsSync(join(OUT, `${n}.txt`)))) {
    console.log(`real corpus: up to date (${ts.length} transcripts, ${onceBytes} B, in ${OUT})`);
    return;
  }
  const maxBytes = Math.max(...TARGETS.map(([, b]) => b));
  const copies = Math.ceil(maxBytes / onceBytes);
  const all = Buffer.from(once.repeat(copies));
  const files = {};
  for (const [n, bytes] of TARGETS) {
    const buf = cutAtLine(all, bytes);
    writeFileSync(join(OUT, `${n}.txt`), buf);
    files[n] = { bytes: buf.length, repeats: +(buf.length / onceBytes).toFixed(2) };
  }
  const manifest = {
    hash,
    source: shown,
    transcripts: ts.map((t) => t.name),
    onceBytes,
    files,
  };
  writeFileSync(REAL_MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`real corpus: ${ts.length} transcripts of ${shown}, ${onceBytes} B once; ${Object.entries(files).map(([n, f]) => `${n} ${f.bytes} B (×${f.repeats})`).join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
