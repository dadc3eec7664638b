// The Node entry (`import { analyse } from 'colloquy'` under Node ≥ 20): it loads the
// analysis module synchronously, so no init() call is needed, and the file readers
// (colloquy/read) the first time a file's bytes are given.
import { readFileSync } from 'node:fs';
import { initSync } from './colloquy.js';
import { loadOnDemand } from './read.js';

const here = (path) => readFileSync(new URL(path, import.meta.url));
initSync({ module: here('./colloquy_bg.wasm') });
loadOnDemand({ readers: () => here('./read/colloquy_read_bg.wasm'), pdf: () => here('./pdf/colloquy_pdf_bg.wasm') });

export * from './colloquy.js';
export { default } from './colloquy.js';
export { read } from './read.js';
