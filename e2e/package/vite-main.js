// A page built by Vite that imports the package the way a browser app would, and the
// readers (colloquy/read) for a .docx.
import init, { analyse } from 'colloquy';
import { loadReaders } from 'colloquy/read';
import text from './seed.txt?raw';
import docxUrl from './talk.docx?url';

await init();
const a = analyse(text);
await loadReaders();
const bytes = new Uint8Array(await (await fetch(docxUrl)).arrayBuffer());
const d = analyse({ bytes, name: 'talk.docx' });
document.body.dataset.result = JSON.stringify({
  speakers: a.speakers.map((s) => [s.name, s.turns]),
  top: a.terms[0].term,
  docx: { source: d.summary.source, speakers: d.speakers.map((s) => s.name).sort() },
});
