// The benchmark inputs: the seed transcript (a small real case) and the generated
// corpora (bench/gen-corpus.mjs). Sizes are binary: "1 MB" is 2^20 bytes of UTF-8.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..');
export const MB = 1024 * 1024;

export const SIZES = [
  { name: 'seed', label: 'seed (12 KB, real)', path: join(ROOT, 'tests', 'fixtures', 'mfa-cis-press-conference-2024-04-12.txt') },
  { name: '50kb', label: '50 KB', path: join(HERE, 'corpora', '50kb.txt') },
  { name: '1mb', label: '1 MB', path: join(HERE, 'corpora', '1mb.txt') },
  { name: '10mb', label: '10 MB', path: join(HERE, 'corpora', '10mb.txt') },
  { name: '100mb', label: '100 MB', path: join(HERE, 'corpora', '100mb.txt') },
];

// Real text (issue 26): the realworld transcripts concatenated and repeated to 10 MB
// (bench/real-corpus.mjs). They live outside the repository (../shared/corpus/realworld
// beside the repo root, or COLLOQUY_REALWORLD), so a clone may have none: then the
// manifest says why and bench.mjs skips these rows. `tier` is the generated size whose
// sample counts and time share a real size takes. Not in SIZES, so that paired.mjs and
// page.mjs (which iterate SIZES) stay as they were.
export const REALWORLD = process.env.COLLOQUY_REALWORLD || join(ROOT, '..', 'shared', 'corpus', 'realworld');
export const REAL_MANIFEST = join(HERE, 'corpora', 'real-manifest.json');

/** corpora/real-manifest.json (bench/real-corpus.mjs), or null if it was never written. */
export function realManifest() {
  return existsSync(REAL_MANIFEST) ? JSON.parse(readFileSync(REAL_MANIFEST, 'utf8')) : null;
}

const realLabel = (size, file) => {
  const m = realManifest();
  const f = m?.files?.[file];
  return f ? `real ${size} (${m.transcripts.length} transcripts of ${m.source}, ×${f.repeats})` : `real ${size}`;
};

export const REAL_SIZES = [
  { name: 'real1mb', tier: '1mb', real: true, label: realLabel('1 MB', 'real-1mb'), path: join(HERE, 'corpora', 'real-1mb.txt') },
  { name: 'real10mb', tier: '10mb', real: true, label: realLabel('10 MB', 'real-10mb'), path: join(HERE, 'corpora', 'real-10mb.txt') },
];

/** Every input in the report's order: each real size right after its generated tier. */
export const ALL_SIZES = SIZES.flatMap((s) => [s, ...REAL_SIZES.filter((r) => r.tier === s.name)]);

export const sizeByName = (name) => {
  const s = ALL_SIZES.find((x) => x.name === name);
  if (!s) throw new Error(`unknown size ${name}; sizes: ${ALL_SIZES.map((x) => x.name).join(', ')}`);
  return s;
};
