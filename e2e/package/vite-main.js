// A page built by Vite that imports the package the way a browser app would.
import init, { analyse } from 'colloquy';
import text from './seed.txt?raw';

await init();
const a = analyse(text);
document.body.dataset.result = JSON.stringify({ speakers: a.speakers.map((s) => [s.name, s.turns]), top: a.terms[0].term });
