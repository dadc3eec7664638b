// The benchmark inputs: the seed transcript (a small real case) and the generated
// corpora (bench/gen-corpus.mjs). Sizes are binary: "1 MB" is 2^20 bytes of UTF-8.
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

export const sizeByName = (name) => {
  const s = SIZES.find((x) => x.name === name);
  if (!s) throw new Error(`unknown size ${name}; sizes: ${SIZES.map((x) => x.name).join(', ')}`);
  return s;
};
