#!/usr/bin/env node
// `make eval`: speaker attribution measured against reference splits (eval/README.md).
// Runs the release CLI on every case of ../shared/corpus/realworld/ and on each fixture of
// tests/fixtures/formats/ that has an eval/fixtures/<name>.truth.json, then rewrites one
// labelled section of eval/RESULTS.md (between its marker comments), keeping the others:
//
//   node eval/run.mjs [--label current] [--out eval/RESULTS.md] [--bin target/release/colloquy]
//
// EVAL_OUT=path does what --out does; EVAL_CORPUS=dir reads another corpus folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared corpus, beside the repository (EVAL_CORPUS=dir for another). */
const CORPUS_NAME = process.env.EVAL_CORPUS || '../shared/corpus/realworld';
const CORPUS = resolve(ROOT, CORPUS_NAME);
const FIXTURES = join(ROOT, 'tests/fixtures/formats');
const TRUTHS = join(ROOT, 'eval/fixtures');
const UNATTRIBUTED = '(unattributed)';
/** The issue's bar: turns within 1 %, no share off by more than 0.5 points. */
const TURNS_PCT = 1;
const SHARE_PTS = 0.5;
/** The looser figure the summary also counts. */
const NEAR_PTS = 1;
/** Names listed per case under the table, and characters per name. */
const LIST_NAMES = 8;
const NAME_CHARS = 40;

function parseArgs(argv) {
  const o = { label: 'current', out: process.env.EVAL_OUT || join(ROOT, 'eval/RESULTS.md'), bin: join(ROOT, 'target/release/colloquy') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [k, v] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, argv[++i]];
    if (!['--label', '--out', '--bin'].includes(k) || v == null) throw new Error(`usage: node eval/run.mjs [--label NAME] [--out PATH] [--bin PATH] (got ${arg})`);
    o[k.slice(2)] = v;
  }
  if (!/^[\w-]+$/.test(o.label)) throw new Error(`--label: letters, digits, - and _ only (got ${o.label})`);
  return o;
}

/** The README's comparison of names: case, punctuation and whitespace do not count. */
const norm = (name) => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Real-world cases: { name, file, truth }. */
function corpusCases() {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS, d.name, 'truth.json')))
    .map((d) => {
      const dir = join(CORPUS, d.name);
      const file = readdirSync(dir).find((f) => /^transcript\.(txt|vtt|srt)$/.test(f));
      return { name: d.name, file: file && join(dir, file), truth: JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Fixtures with a hand-made truth: eval/fixtures/<fixture file name>.truth.json. */
function fixtureCases() {
  if (!existsSync(TRUTHS)) return [];
  return readdirSync(TRUTHS)
    .filter((f) => f.endsWith('.truth.json'))
    .map((f) => f.slice(0, -'.truth.json'.length))
    .filter((name) => {
      const ok = existsSync(join(FIXTURES, name));
      if (!ok) console.warn(`eval: eval/fixtures/${name}.truth.json has no tests/fixtures/formats/${name}; skipped`);
      return ok;
    })
    .sort()
    .map((name) => ({ name, file: join(FIXTURES, name), truth: JSON.parse(readFileSync(join(TRUTHS, `${name}.truth.json`), 'utf8')) }));
}

/** One case measured: colloquy's speakers matched to the truth's by normalised name. */
function measure(bin, c) {
  const a = JSON.parse(execFileSync(bin, ['analyse', c.file], { maxBuffer: 1 << 28, encoding: 'utf8' }));
  const truth = new Map(Object.entries(c.truth.speakers).map(([name, s]) => [norm(name), { name, ...s }]));
  const trueWords = c.truth.totalWords;
  // colloquy's speakers by normalised name; names that differ only in case or punctuation
  // are one speaker of the truth, so their words are summed (and the split is reported).
  const found = new Map();
  for (const s of a.speakers) {
    const key = s.attributed ? norm(s.name) : UNATTRIBUTED;
    const f = found.get(key) ?? { names: [], words: 0, share: 0, attributed: s.attributed };
    f.names.push(s.name);
    f.words += s.words;
    f.share += s.share * 100;
    found.set(key, f);
  }
  const attributed = a.speakers.filter((s) => s.attributed);
  const turns = a.turns.filter((t) => t.speaker !== UNATTRIBUTED).length;
  const errors = []; // [name, colloquy share − true share]
  const missing = [];
  for (const [key, t] of truth) {
    const f = found.get(key);
    if (!f) missing.push(t);
    errors.push([t.name, (f ? f.share : 0) - (100 * t.words) / trueWords]);
  }
  const extra = [...found].filter(([key]) => !truth.has(key)).map(([, f]) => f);
  for (const f of extra) errors.push([f.names.join(' / '), f.share]);
  const worst = errors.reduce((w, e) => (Math.abs(e[1]) > Math.abs(w[1]) ? e : w), ['', 0]);
  const split = [...found.values()].filter((f) => f.attributed && f.names.length > 1).map((f) => f.names);
  // A missing speaker found under a shorter or longer name (`Jens Spahn` for `Jens Spahn
  // (CDU/CSU)`): still missing and extra for the bar, listed apart so the cause shows.
  const renamed = [];
  for (const t of missing) {
    const k = ` ${norm(t.name)} `;
    const f = extra.find((f) => f.attributed && !renamed.some((r) => r[1] === f) && f.names.some((n) => k.includes(` ${norm(n)} `) || ` ${norm(n)} `.includes(k)));
    if (f) renamed.push([t, f]);
  }
  const speakersOk = missing.length === 0 && extra.every((f) => !f.attributed) && split.length === 0;
  const turnsErr = (100 * (turns - c.truth.totalTurns)) / c.truth.totalTurns;
  return {
    name: c.name,
    format: a.summary.format,
    convention: a.summary.convention ?? null,
    speakers: attributed.length,
    trueSpeakers: truth.size,
    turns,
    trueTurns: c.truth.totalTurns,
    turnsErr,
    worst,
    extraWords: extra.reduce((n, f) => n + f.words, 0),
    tokens: a.summary.tokens,
    missing: missing.sort((x, y) => y.words - x.words),
    extra: extra.sort((x, y) => y.words - x.words),
    split,
    renamed,
    pass: speakersOk && Math.abs(turnsErr) <= TURNS_PCT && Math.abs(worst[1]) <= SHARE_PTS,
  };
}

const code = (s) => '`' + (s.length > NAME_CHARS ? s.slice(0, NAME_CHARS - 1) + '…' : s).replace(/`/g, "'") + '`';
const signed = (x, d) => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(d);
const list = (items, show) =>
  items.slice(0, LIST_NAMES).map(show).join(', ') + (items.length > LIST_NAMES ? `, … ${items.length - LIST_NAMES} more` : '');

function table(rows) {
  const out = [
    '| case | format | speakers found / true | turns found / true | turns error | worst share error (points) | words to speakers not in the truth | pass |',
    '|---|---|--:|--:|--:|--:|--:|:-:|',
  ];
  for (const r of rows) {
    if (r.error) {
      out.push(`| ${r.name} | – | – | – | – | – | – | error |`);
      continue;
    }
    const pct = r.tokens ? ` (${((100 * r.extraWords) / r.tokens).toFixed(1)} %)` : '';
    out.push(
      `| ${r.name} | ${r.convention ? `${r.format}: ${r.convention}` : r.format} | ${r.speakers} / ${r.trueSpeakers} | ${r.turns} / ${r.trueTurns} | ${signed(r.turnsErr, 1)} % | ` +
        `${Math.abs(r.worst[1]).toFixed(2)} | ${r.extraWords}${pct} | ${r.pass ? 'pass' : 'fail'} |`,
    );
  }
  return out.join('\n');
}

function details(rows) {
  const out = [];
  for (const r of rows) {
    if (r.error) {
      out.push(`- **${r.name}**: colloquy failed: ${r.error}`);
      continue;
    }
    const parts = [];
    if (Math.abs(r.worst[1]) > 0.005) parts.push(`worst ${code(r.worst[0])} ${signed(r.worst[1], 2)}`);
    const isRenamed = (x) => r.renamed.some(([t, f]) => t === x || f === x);
    if (r.renamed.length) parts.push(`named differently ${r.renamed.length}: ${list(r.renamed, ([t, f]) => `${code(f.names.join(' / '))} for ${code(t.name)}`)}`);
    const missing = r.missing.filter((t) => !isRenamed(t));
    const extra = r.extra.filter((f) => !isRenamed(f));
    if (missing.length) parts.push(`missing ${missing.length}: ${list(missing, (t) => `${code(t.name)} (${t.share.toFixed(2)} %)`)}`);
    if (extra.length) parts.push(`extra ${extra.length}: ${list(extra, (f) => `${code(f.names.join(' / '))} (${f.words} words)`)}`);
    if (r.split.length) parts.push(`split: ${list(r.split, (names) => names.map(code).join(' + '))}`);
    out.push(`- **${r.name}**: ${parts.join('; ') || 'as in the truth'}`);
  }
  return out.join('\n');
}

const summary = (rows) => {
  const ok = rows.filter((r) => !r.error);
  const near = ok.filter((r) => Math.abs(r.worst[1]) <= NEAR_PTS).length;
  return `passing ${ok.filter((r) => r.pass).length}/${rows.length}, within ${NEAR_PTS} share point ${near}/${rows.length}`;
};

/** The code measured: the last commit that changed it (so a rerun on the same code writes the
 *  same section), marked when it has uncommitted changes. */
function commit() {
  const paths = ['src', 'cli', 'regex', 'build.rs', 'Cargo.toml', 'Cargo.lock'];
  const git = (...args) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();
  try {
    const last = git('log', '-1', '--format=%h', '--', ...paths);
    return git('status', '--porcelain', '--', ...paths) ? `${last} + uncommitted changes` : last;
  } catch {
    return 'an unknown commit';
  }
}

function section(label, corpus, fixtures) {
  const out = [`## ${label}`, '', `colloquy's code as of ${commit()} (its last change to src/, cli/, regex/, build.rs or Cargo.*), \`colloquy analyse FILE\` with default options.`, ''];
  if (corpus) {
    out.push(`**Real-world cases: ${summary(corpus)}.**`, '', table(corpus), '', 'Missing and extra speakers, and the worst share error (colloquy − truth):', '', details(corpus), '');
  } else {
    out.push(`Real-world cases: not measured (${CORPUS_NAME} not found).`, '');
  }
  if (fixtures.length) {
    out.push(`**Fixtures (tests/fixtures/formats): ${summary(fixtures)}.**`, '', table(fixtures), '', details(fixtures), '');
  }
  return out.join('\n');
}

const HEADER = `# Speaker attribution measured

Written by \`make eval\` (eval/README.md says what is measured and how). Each section is one run,
between its marker comments: \`make eval\` rewrites \`current\`, \`EVAL_LABEL=NAME\` another, and
the rest of the file is kept.

Per case: the format colloquy detected; the speakers it found (\`(unattributed)\` not counted) and
the truth's; turns, the same way; the worst speaker's share error in points (colloquy's share of
the words minus the truth's, speakers matched by name ignoring case, punctuation and spaces; a
truth speaker not found counts its whole share, a speaker not in the truth its whole share); and
the words credited to speakers not in the truth, \`(unattributed)\` included. **pass** is the bar:
the truth's speakers exactly, turns within 1 %, no share off by more than 0.5 points.

Shares are compared, not word counts: colloquy's tokeniser (UAX #29 words: \`U.S.\`, \`1,000\` and
\`example.org\` are one word each) is not the truth's \`[\\w'’-]+\` rule (two words each), so a
split that is right still differs by up to about 0.1 point.
`;

/** Replaces the section of `label` in `path` (appends it if absent), keeping the rest. */
function write(path, label, body) {
  const begin = `<!-- eval:${label} begin -->`;
  const end = `<!-- eval:${label} end -->`;
  const block = `${begin}\n${body.trimEnd()}\n${end}`;
  const old = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const i = old.indexOf(begin);
  const j = old.indexOf(end);
  const text = i >= 0 && j > i ? old.slice(0, i) + block + old.slice(j + end.length) : `${old.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, text);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.bin)) throw new Error(`${opts.bin} not found: run \`cargo build --release -p colloquy-cli\` (make eval does)`);
  const run = (cases) =>
    cases.map((c) => {
      try {
        if (!c.file) throw new Error('no transcript.txt|.vtt|.srt');
        return measure(opts.bin, c);
      } catch (e) {
        return { name: c.name, error: String(e.message).split('\n')[0] };
      }
    });
  let corpus = null;
  if (existsSync(CORPUS)) corpus = run(corpusCases());
  else console.log(`${CORPUS_NAME} not found: a user's clone has no shared corpus; measuring the fixtures only`);
  const fixtures = run(fixtureCases());
  const body = section(opts.label, corpus, fixtures);
  write(resolve(opts.out), opts.label, body);
  console.log(body);
  console.log(`eval: section "${opts.label}" written to ${relative(process.cwd(), resolve(opts.out)) || opts.out}`);
  if ([...(corpus ?? []), ...fixtures].some((r) => r.error)) process.exitCode = 1;
}

try {
  main();
} catch (e) {
  console.error(`eval: ${e.message}`);
  process.exitCode = 2;
}
