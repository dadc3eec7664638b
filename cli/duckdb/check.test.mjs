// `make test-duckdb`: the corpus tables, read by DuckDB with the queries of docs/scale.md
// (docs/sql/*.sql), agree with `colloquy analyse FILE --format json` on each document of
// the fixture corpus (tests/fixtures/corpus/). It builds nothing: the Makefile target
// builds the CLI first (COLLOQUY_BIN names another binary).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/corpus');
const bin = process.env.COLLOQUY_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'debug/colloquy');
if (!existsSync(bin)) throw new Error(`no CLI at ${bin}: run \`cargo build -p colloquy-cli\` (make test-duckdb does)`);

const colloquy = (args, cwd = fixtures) => execFileSync(bin, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });

const out = mkdtempSync(join(tmpdir(), 'colloquy-duckdb-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
colloquy(['corpus', '.', '--out', out, '--format', 'parquet']);

/** docs/sql/NAME.sql, reading the tables in `out` (the docs write `out/`). */
const sql = (name) => readFileSync(join(root, 'docs/sql', `${name}.sql`), 'utf8').replaceAll("'out/", `'${out}/`);

const db = await (await DuckDBInstance.create(':memory:')).connect();
for (const statement of sql('tables').split(';').filter((s) => s.trim() && !/^\s*(--[^\n]*\n\s*)*$/.test(s))) {
  await db.run(statement);
}
/** The rows of a query, BigInts as Numbers. */
async function rows(query) {
  const result = await db.runAndReadAll(query);
  return result.getRowObjects().map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
  );
}

const documents = await rows('SELECT document, name, "group" FROM documents ORDER BY document');
const analyses = documents.map((d) => JSON.parse(colloquy(['analyse', join(d.group, d.name), '--format', 'json', '--top', '0'])));

test('the fixture corpus is three documents in two groups', () => {
  assert.deepEqual(
    documents.map((d) => `${d.group}/${d.name}`),
    ['briefings/2024-01-05-briefing.txt', 'briefings/2024-02-09-briefing.txt', 'interviews/2024-03-15-interview.txt'],
  );
});

test("speaker share per document equals analyse's speakers", async () => {
  const got = await rows(sql('speaker-share'));
  documents.forEach((d, i) => {
    const mine = got.filter((r) => r.document === d.document);
    const want = analyses[i].speakers;
    assert.deepEqual(
      mine.map((r) => [r.speaker, r.words, r.turns]).sort(),
      want.map((s) => [s.name, s.words, s.turns]).sort(),
      d.name,
    );
    for (const s of want) {
      const r = mine.find((m) => m.speaker === s.name);
      assert.ok(Math.abs(r.share - s.share) < 1e-12, `${d.name} ${s.name}: ${r.share} vs ${s.share}`);
    }
  });
});

test("speakers across documents equal the CLI's speakers view", async () => {
  const got = await rows(sql('corpus-speakers'));
  const view = JSON.parse(colloquy(['corpus', '.', '--view', 'speakers', '--format', 'json']));
  assert.deepEqual(
    got.map((r) => [r.speaker_key, r.words, r.turns, r.documents]),
    view.map((s) => [s.key, s.words, s.turns, s.documents]),
  );
  assert.deepEqual(got[0], { speaker_key: 'maria lopez', words: 120, turns: 8, documents: 3 });
});

test("term counts per document equal analyse's terms", async () => {
  const got = await rows(sql('document-terms'));
  documents.forEach((d, i) => {
    const mine = got.filter((r) => r.document === d.document).map((r) => [r.term, r.count]);
    const want = analyses[i].terms.map((t) => [t.term, t.count]);
    assert.ok(want.length > 10, `${d.name} has terms`);
    assert.deepEqual(new Map(mine), new Map(want), d.name);
  });
});

/** term → [count, documents] over every analyse output. */
function corpusTerms() {
  const totals = new Map();
  for (const a of analyses) {
    for (const t of a.terms) {
      const [count, docs] = totals.get(t.term) ?? [0, 0];
      totals.set(t.term, [count + t.count, docs + 1]);
    }
  }
  return totals;
}

test('corpus term totals are the sums of the documents', async () => {
  const got = await rows(sql('term-totals'));
  assert.deepEqual(new Map(got.map((r) => [r.term, r.count])), new Map([...corpusTerms()].map(([t, [c]]) => [t, c])));
  assert.equal(got[0].term, 'ferry');
});

test('document frequency counts the documents a term is in', async () => {
  const got = await rows(sql('document-frequency'));
  assert.deepEqual(
    new Map(got.map((r) => [r.term, [r.count, r.documents]])),
    corpusTerms(),
  );
  assert.deepEqual(got.filter((r) => r.documents === 3).map((r) => r.term).sort(), ['ferry']);
});

test("turns per document equal analyse's turns", async () => {
  const got = await rows(sql('turns-per-document'));
  assert.deepEqual(got.map((r) => r.turns), analyses.map((a) => a.summary.turns));
  assert.deepEqual(got.map((r) => r.words), analyses.map((a) => a.speakers.reduce((n, s) => n + s.words, 0)));
  // Only the interview gives times: its first turn starts at 5 s.
  assert.deepEqual(got.map((r) => r.first_start_ms), [null, null, 5000]);
});

test('term trends give a value for every document and term', async () => {
  const got = await rows(sql('term-trends'));
  assert.equal(got.length, 3 * documents.length);
  documents.forEach((d, i) => {
    for (const term of ['ferry', 'dredging', 'pier']) {
      const r = got.find((g) => g.document === d.document && g.term === term);
      const count = analyses[i].terms.find((t) => t.term === term)?.count ?? 0;
      assert.ok(Math.abs(r.per10k - (count * 10000) / analyses[i].summary.tokens) < 1e-9, `${d.name} ${term}`);
    }
  });
});

test("group keyness G² by SQL equals the CLI's keyness view", async () => {
  const got = await rows(sql('group-keyness'));
  const view = JSON.parse(
    colloquy(['corpus', '.', '--view', 'keyness', '--a', 'briefings', '--b', 'interviews', '--format', 'json', '--limit', '0']),
  );
  // The groups' sizes are their documents' words.
  const words = (group) => analyses.filter((_, i) => documents[i].group === group).reduce((n, a) => n + a.summary.tokens, 0);
  assert.deepEqual([view.aWords, view.bWords], [words('briefings'), words('interviews')]);
  const scored = [...view.key, ...view.avoided];
  assert.ok(scored.length > 20, 'the view scores the terms');
  const sqlG2 = new Map(got.map((r) => [r.term, r]));
  for (const d of scored) {
    const r = sqlG2.get(d.term);
    assert.ok(r, `${d.term} is in the SQL result`);
    assert.deepEqual([r.a, r.b], [d.count, d.otherCount], d.term);
    assert.ok(Math.abs(r.g2 - d.g2) < 1e-9, `${d.term}: SQL ${r.g2}, view ${d.g2}`);
  }
  // Every term the SQL scores with a difference is in the view's lists.
  assert.deepEqual(
    got.filter((r) => r.a * view.bWords !== r.b * view.aWords).map((r) => r.term).sort(),
    scored.map((d) => d.term).sort(),
  );
  assert.deepEqual(got.slice(0, 1).map((r) => r.term), ['timetable']);
});

test("a table split into parts is read as 'out/<table>/*.parquet'", async () => {
  const many = join(out, 'many');
  const parted = join(out, 'parted');
  mkdirSync(many);
  for (let i = 0; i < 130; i++) {
    writeFileSync(join(many, `${String(i).padStart(3, '0')}.txt`), `Ann: Hello number ${i}.\nBob: Hi ${i}, ferry.\n`);
  }
  colloquy(['corpus', many, '--out', parted, '--rows-per-file', '64']);
  assert.ok(!existsSync(join(parted, 'documents.parquet')));
  const [r] = await rows(
    `SELECT count(*) AS n, min(document) AS lo, max(document) AS hi, count(DISTINCT document) AS distinct_documents
     FROM read_parquet('${parted}/documents/*.parquet')`,
  );
  assert.deepEqual(r, { n: 130, lo: 0, hi: 129, distinct_documents: 130 });
  const [t] = await rows(`SELECT sum(count) AS ferry FROM read_parquet('${parted}/terms/*.parquet') WHERE term = 'ferry'`);
  assert.equal(t.ferry, 130);
});
