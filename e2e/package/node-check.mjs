// Node ESM consumer: no init() call, the Node entry loads the wasm synchronously.
import { readFileSync } from 'node:fs';
import { analyse } from 'colloquy';

const text = readFileSync(process.argv[2], 'utf8');
const a = analyse(text);
const turns = Object.fromEntries(a.speakers.map((s) => [s.name, s.turns]));
console.log(JSON.stringify({ turns, top: a.terms[0].term }));
