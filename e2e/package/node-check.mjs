// Node ESM consumer: no init() call, the Node entry loads the wasm synchronously, and the
// readers' module the first time a file's bytes are given.
import { readFileSync } from 'node:fs';
import { analyse, read } from 'colloquy';

const text = readFileSync(process.argv[2], 'utf8');
const a = analyse(text);
const turns = Object.fromEntries(a.speakers.map((s) => [s.name, s.turns]));
const bytes = readFileSync(process.argv[3]);
const d = analyse({ bytes, name: 'talk.docx' });
const docx = { source: d.summary.source, turns: Object.fromEntries(d.speakers.map((s) => [s.name, s.turns])), read: read(bytes).source };
console.log(JSON.stringify({ turns, top: a.terms[0].term, docx }));
