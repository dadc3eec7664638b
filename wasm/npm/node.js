// The Node entry (`import { analyse } from 'colloquy'` under Node ≥ 20): it loads the
// package's one .wasm synchronously, so no init() call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './colloquy.js';

initSync({ module: readFileSync(new URL('./colloquy_bg.wasm', import.meta.url)) });

export * from './colloquy.js';
export { default } from './colloquy.js';
