// Two builds of the npm package side by side, with js-regex, in one process: an old
// build and a new one of `analyse(text)` (default options) and the js-regex peer,
// interleaved round by round (the order rotating, `gc()` before each run), so that the
// machine's changing speed falls on all three alike. Checks first that both builds give
// the same JSON for each input. Prints a Markdown table of medians and the ratios
// js-regex ÷ colloquy.
//
//   node --expose-gc bench/ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--sizes 10mb,real10mb] [--seconds 120]
//
// `--seconds` is the time per input (at least three rounds).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { peerByName, setupPeer } from './peers.mjs';
import { ALL_SIZES } from './sizes.mjs';
import { median } from './stats.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const [oldDir, newDir] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!oldDir || !newDir) {
  console.error('usage: node --expose-gc bench/ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--sizes a,b] [--seconds N]');
  process.exit(2);
}
const gc = globalThis.gc ?? (() => { throw new Error('run with node --expose-gc'); });
const seconds = Number(opt('--seconds', 120));
const sizes = opt('--sizes', '10mb,real10mb').split(',');

async function load(dir) {
  const abs = resolve(dir);
  // A query string makes the two `colloquy.js` distinct modules even at the same path.
  const mod = await import(`${pathToFileURL(join(abs, 'colloquy.js')).href}?${abs}`);
  mod.initSync({ module: readFileSync(join(abs, 'colloquy_bg.wasm')) });
  return mod;
}
const oldPkg = await load(oldDir);
const newPkg = await load(newDir);
const js = peerByName('js-regex');
await setupPeer(js);
const sides = [
  { name: 'old', run: (t) => oldPkg.analyse(t) },
  { name: 'new', run: (t) => newPkg.analyse(t) },
  { name: 'js-regex', run: (t) => js.run(t) },
];

const rows = [];
for (const sizeName of sizes) {
  const size = ALL_SIZES.find((s) => s.name === sizeName);
  if (!size) throw new Error(`no size ${sizeName}`);
  const text = readFileSync(size.path, 'utf8');
  const same = JSON.stringify(oldPkg.analyse(text)) === JSON.stringify(newPkg.analyse(text));
  if (!same) console.error(`${sizeName}: the old and new builds' results DIFFER`);
  const times = Object.fromEntries(sides.map((s) => [s.name, []]));
  const t0 = performance.now();
  for (let round = 0; round < 3 || performance.now() - t0 < seconds * 1000; round++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(round + k) % sides.length];
      gc();
      const t = performance.now();
      side.run(text);
      times[side.name].push(performance.now() - t);
    }
  }
  const m = Object.fromEntries(sides.map((s) => [s.name, median(times[s.name])]));
  rows.push({ size: sizeName, rounds: times.old.length, same, ...m });
  console.error(`${sizeName}: ${times.old.length} rounds, old ${m.old.toFixed(1)} ms, new ${m.new.toFixed(1)} ms, js-regex ${m['js-regex'].toFixed(1)} ms`);
}
console.log('| input | rounds | same JSON | old ms | new ms | js-regex ms | js-regex ÷ old | js-regex ÷ new | new ÷ old |');
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const js = r['js-regex'];
  console.log(
    `| ${r.size} | ${r.rounds} | ${r.same ? 'yes' : 'NO'} | ${r.old.toFixed(1)} | ${r.new.toFixed(1)} | ${js.toFixed(1)} | ${(js / r.old).toFixed(2)}× | ${(js / r.new).toFixed(2)}× | ${(r.new / r.old).toFixed(3)} |`,
  );
}
