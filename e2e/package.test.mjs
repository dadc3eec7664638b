// Packaging: `npm pack` the package, install the tarball into fresh projects, and use
// it from Node ESM, from a Vite-built page in Chromium, and from strict TypeScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = join(root, 'e2e/package');
const seed = join(root, 'tests/fixtures/mfa-cis-press-conference-2024-04-12.txt');
const docx = join(root, 'tests/fixtures/read/talk.docx');
const bin = (name) => join(root, 'node_modules/.bin', name);
let work;
let tarball;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A fresh project with the packed tarball installed. */
function project(name) {
  const dir = join(work, name);
  cpSync(here, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], dir);
  return dir;
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'colloquy-package-'));
  run('npm', ['pack', join(root, 'pkg'), '--pack-destination', work], root);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
});
after(() => rmSync(work, { recursive: true, force: true }));

test('the tarball holds the analysis module, the readers\' two modules and the declared files', () => {
  const listing = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);
  assert.deepEqual(listing.filter((f) => f.endsWith('.wasm')).sort(),
    ['package/colloquy_bg.wasm', 'package/pdf/colloquy_pdf_bg.wasm', 'package/read/colloquy_read_bg.wasm'], listing.join(', '));
  for (const f of ['package/package.json', 'package/colloquy.js', 'package/node.js', 'package/colloquy.d.ts', 'package/README.md',
    'package/read.js', 'package/read.d.ts', 'package/read/colloquy_read.js', 'package/pdf/colloquy_pdf.js']) {
    assert.ok(listing.includes(f), `${f} in ${listing.join(', ')}`);
  }
  // colloquy.js imports the result decoder from the bindings' snippets.
  const imports = [...readFileSync(join(root, 'pkg/colloquy.js'), 'utf8').matchAll(/from '\.\/(snippets\/[^']+)'/g)].map((m) => m[1]);
  assert.ok(imports.length > 0, 'colloquy.js imports a snippet');
  for (const f of imports) assert.ok(listing.includes(`package/${f}`), `${f} in ${listing.join(', ')}`);
});

test('the public declarations have no `any`', () => {
  for (const file of ['colloquy.d.ts', 'colloquy_bg.wasm.d.ts', 'read.d.ts', 'read/colloquy_read.d.ts', 'pdf/colloquy_pdf.d.ts']) {
    const dts = readFileSync(join(root, 'pkg', file), 'utf8');
    assert.doesNotMatch(dts, /\bany\b/, file);
  }
});

test('the package and the page have no test-only export (feature test-hooks)', async () => {
  for (const file of ['pkg/colloquy.js', 'pkg/colloquy.d.ts', 'site/pkg/colloquy.js', 'site/worker.js']) {
    assert.doesNotMatch(readFileSync(join(root, file), 'utf8'), /__testPanic|test-hooks/, file);
  }
  const exports = WebAssembly.Module.exports(await WebAssembly.compile(readFileSync(join(root, 'pkg/colloquy_bg.wasm'))));
  assert.ok(exports.some((e) => e.name === 'analyse'), 'the wasm exports are read');
  assert.ok(!exports.some((e) => /test/i.test(e.name)), exports.map((e) => e.name).join(', '));
});

test('publint passes', () => {
  const out = run('node', [bin('publint'), '--strict', join(root, 'pkg')], root);
  assert.match(out, /All good/, out);
});

test('Node ESM: import { analyse } from "colloquy" works without init()', () => {
  const dir = project('node-esm');
  const out = JSON.parse(run('node', ['node-check.mjs', seed, docx], dir));
  assert.deepEqual(out.turns, { 'Sergey Lavrov': 5, '(unattributed)': 1, Question: 5 });
  assert.equal(out.top, 'cis');
  // A .docx's bytes, read by the readers' module that the Node entry loads when needed.
  assert.deepEqual(out.docx, { source: 'docx', turns: { Alice: 2, Bob: 2, Carol: 1 }, read: 'docx' });
});

test('strict TypeScript: a consumer compiles against the declarations', () => {
  const dir = project('typescript');
  run('node', [bin('tsc'), '-p', 'tsconfig.json'], dir);
});

test('Vite: a page that imports the package builds and runs in Chromium', async () => {
  const dir = project('vite');
  cpSync(seed, join(dir, 'seed.txt'));
  cpSync(docx, join(dir, 'talk.docx'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><body><script type="module" src="./vite-main.js"></script></body>');
  run('node', [bin('vite'), 'build', '--base', './', '--logLevel', 'warn'], dir);
  const server = await serve({ dir: join(dir, 'dist'), port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('body[data-result]', { state: 'attached' });
    const result = JSON.parse(await page.getAttribute('body', 'data-result'));
    assert.deepEqual(result.speakers, [['Sergey Lavrov', 5], ['(unattributed)', 1], ['Question', 5]]);
    assert.equal(result.top, 'cis');
    assert.deepEqual(result.docx, { source: 'docx', speakers: ['Alice', 'Bob', 'Carol'] });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
});
