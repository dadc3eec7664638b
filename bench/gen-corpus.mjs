#!/usr/bin/env node
// Deterministic transcript corpora for the benchmarks.
//
//   node bench/gen-corpus.mjs [--max 10mb|100mb] [--out bench/corpora]
//
// One seeded stream of press-conference-like transcripts is cut at paragraph
// boundaries into 50kb.txt, 1mb.txt, 10mb.txt and 100mb.txt (each smaller file is a
// prefix of the larger ones, so every size reads the same kind of text). Regenerated
// only when this script (its hash) or the requested sizes change: see manifest.json.
//
// What the text is made of, so that no fast path flatters the numbers:
// - a Zipfian vocabulary (s = 1.15) of 400,000 word types: ~330 real English words at
//   the top ranks (so the language is detected as English and stopwords apply), then
//   generated English-like words, longer as they get rarer, some capitalised as names;
// - a Zipfian (s = 0.8) table of 40,000 stock phrases (2–5 words) used for ~15% of segments, so
//   recurring n-grams exist while most 3–5-grams are unique (no repeated sample);
// - sessions of 2 to 12 labelled speakers (from a pool of 64 names, some with
//   diacritics and some in Cyrillic or Greek), turns of 1–6 paragraphs;
// - curly quotes and apostrophes (“…”, ’s, don’t), dashes, and ~4% of sentences with a
//   quoted phrase in Cyrillic, Greek, CJK or accented Latin (so the text is not ASCII
//   and the V8 string is two-byte, as real transcripts often are).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SIZES = [
  ['50kb', 50 * 1024],
  ['1mb', 1024 * 1024],
  ['10mb', 10 * 1024 * 1024],
  ['100mb', 100 * 1024 * 1024],
];
const SEED = 0xc0110c;

// sfc32: small, fast, and good enough for text generation.
function sfc32(a, b, c, d) {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const COMMON = `the of and to a in that is it for was on with as we he be by this at have not are but
from or they you his an which one all i has had been were there their will would if more
so can she what about who her our its also up out no when time them these new into some
other than do could only people my just like over two then year first like any may such
even most made after also did many before must through back years where much your way well
down should because each those very said how work still own see here me world between life
both under last never day same another know while might us great old off come since against
go came right used take three states himself few house use during without again place around
however home small found mrs thought went say part once general high upon school every does
got united left number course war until always away something fact though water less public
put think almost hand enough far took head yet government system better set told nothing night
end why called didn’t eyes find going look asked later knew point next city give group toward
young let room president side social given present several order national possible rather
second face per among form important often things looked early white case john become large
big need four within felt along children saw best church ever least power development light
thing seemed family interest want members mind country area others done turned although open
god service certain kind problem began different door thus help sense means whole matter
perhaps itself york it’s times law human line above name example action company hands local
show whether five history gave today either act feet across taken past quite anything having
seen death experience body word half really week field car words already themselves information
tell together college shall money period held keep sure probably free seems political real
behind cannot miss question air office making brought whose special heard major problems ago
became federal moment study available known result street economic boy position reason change
south board individual job society areas west close turn love community true court force full
we’re don’t that’s there’s cooperation security partners ministers agreement countries
relations dialogue meeting talks support minister foreign russia council conference`.split(/\s+/).filter(Boolean);

const ONSETS = ['', '', 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'y', 'z',
  'br', 'cr', 'dr', 'fr', 'gr', 'pr', 'tr', 'bl', 'cl', 'fl', 'gl', 'pl', 'sl', 'sh', 'ch', 'th', 'st', 'sp', 'sc', 'str', 'qu'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ea', 'ai', 'ou', 'io', 'ie', 'ee', 'oo', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'nt', 'st', 'rt', 'ck', 'ng', 'ss', 'x', 'ct', 'sh', 'ld'];
const SUFFIXES = ['', '', '', '', 'tion', 'ment', 'ness', 'ing', 'ed', 'er', 'al', 'ive', 'ous', 'ity', 'ism', 'ly', 's', 'es'];
const CYRILLIC = 'абвгдежзиклмнопрстуфхцчшыэюя';
const GREEK = 'αβγδεζηθικλμνξοπρστυφχψω';
const ACCENTED = ['é', 'è', 'ü', 'ö', 'ä', 'ñ', 'ç', 'ł', 'ø', 'å', 'ã', 'č', 'ș', 'ğ'];
const FIRST = ['Sergey', 'Maria', 'Ned', 'Anna', 'James', 'Olga', 'Kenji', 'Amara', 'José', 'Zoë', 'Łukasz', 'Fatima',
  'Chen', 'Ingrid', 'Dmitry', 'Aisha', 'Pierre', 'Siobhán', 'Rahul', 'Elena', 'Tomás', 'Yuki', 'Grace', 'Mehmet'];
const LAST = ['Lavrov', 'Zakharova', 'Price', 'Müller', 'Okafor', 'Álvarez', 'Nowak', 'Haddad', 'Wei', 'Larsen',
  'Peskov', 'Rahman', 'Dubois', 'Ní Bhriain', 'Sharma', 'Petrova', 'García', 'Tanaka', 'Miller', 'Yılmaz'];
const TITLES = ['', '', '', 'Dr. ', 'Mr ', 'Ms ', 'Ambassador ', 'Senator ', 'Minister '];
const FIXED_LABELS = ['QUESTION', 'Question', 'MODERATOR', 'MR PRICE', 'THE PRESIDENT', 'Сергей Лавров',
  'Мария Захарова', 'Γιώργος Παπαδόπουλος', 'INTERPRETER', 'Journalist'];
const PLACES = ['Minsk', 'Geneva', 'Moscow', 'Astana', 'New York', 'São Paulo', 'Zürich', 'Kraków', 'Istanbul', 'Baku'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

export function generate(maxBytes, onCut) {
  const rand = sfc32(SEED, 0x9e3779b9, 0x243f6a88, 0x85a308d3);
  const int = (n) => Math.floor(rand() * n);
  const pick = (a) => a[int(a.length)];

  // The vocabulary.
  const V = 400_000;
  const words = [...new Set(COMMON)];
  const seen = new Set(words);
  while (words.length < V) {
    const rank = words.length;
    const syl = rank < 3000 ? 1 : 1 + int(rank < 60000 ? 2 : 3);
    let w = '';
    for (let i = 0; i < syl; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    w += pick(SUFFIXES);
    if (rand() < 0.01) w = w.replace(/[aeiou]/, () => pick(ACCENTED));
    if (w.length < 2 || seen.has(w)) continue;
    seen.add(w);
    if (rand() < 0.04) w = w[0].toUpperCase() + w.slice(1); // names and places
    if (rand() < 0.003) w = w + '-' + words[int(words.length)]; // hyphenated compounds
    words.push(w);
  }
  const zipfCdf = (n, s) => {
    const cdf = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) cdf[r] = sum += 1 / Math.pow(r + 1, s);
    for (let r = 0; r < n; r++) cdf[r] /= sum;
    return cdf;
  };
  const sample = (cdf) => {
    const u = rand();
    let lo = 0, hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
  const wordCdf = zipfCdf(V, 1.15);
  const word = () => words[sample(wordCdf)];

  // Stock phrases: recurring 2–5-grams.
  const P = 40_000;
  const phrases = [];
  for (let i = 0; i < P; i++) {
    const n = 2 + int(4);
    const p = [];
    for (let j = 0; j < n; j++) p.push(word());
    phrases.push(p.join(' '));
  }
  const phraseCdf = zipfCdf(P, 0.8);

  const foreign = () => {
    const k = int(4);
    const syll = (alphabet, n) => { let s = ''; for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)]; return s; };
    if (k === 0) return Array.from({ length: 1 + int(3) }, () => syll(CYRILLIC, 3 + int(7))).join(' ');
    if (k === 1) return Array.from({ length: 1 + int(3) }, () => syll(GREEK, 3 + int(6))).join(' ');
    if (k === 2) return Array.from({ length: 2 + int(4) }, () => String.fromCharCode(0x4e00 + int(0x5000))).join('');
    return pick(FIRST) + ' ' + pick(LAST) + '’s ' + pick(['décision', 'Übersicht', 'peça', 'świat', 'naïveté']);
  };
  const sentence = () => {
    const target = 4 + int(25);
    const parts = [];
    let n = 0;
    while (n < target) {
      if (rand() < 0.15) {
        const p = phrases[sample(phraseCdf)];
        parts.push(p);
        n += 3;
      } else {
        let w = word();
        const r = rand();
        if (r < 0.02) w += '’s';
        else if (r < 0.025) w += "'s";
        else if (r < 0.03) w = String(1 + int(r < 0.028 ? 100 : 2030));
        parts.push(w);
        n++;
      }
      if (rand() < 0.07) parts[parts.length - 1] += ',';
      else if (rand() < 0.008) parts.push('–');
    }
    if (rand() < 0.04) parts.splice(1 + int(parts.length - 1), 0, '“' + foreign() + '”');
    else if (rand() < 0.02) parts.splice(1 + int(parts.length - 1), 0, '“' + word() + ' ' + word() + '”');
    let s = parts.join(' ');
    s = s[0].toUpperCase() + s.slice(1);
    const end = rand();
    return s.replace(/,$/, '') + (end < 0.12 ? '?' : end < 0.14 ? '!' : end < 0.145 ? '…' : '.');
  };

  // Speakers.
  const pool = [...FIXED_LABELS];
  while (pool.length < 64) {
    const name = pick(TITLES) + pick(FIRST) + ' ' + pick(LAST);
    if (!pool.includes(name)) pool.push(name);
  }

  let out = [];
  let outBytes = 0;
  let session = 0;
  const emit = (para) => {
    const s = para + '\n\n';
    out.push(s);
    outBytes += Buffer.byteLength(s);
    return onCut(out, outBytes, () => { out = []; });
  };
  while (outBytes < maxBytes) {
    session++;
    const k = 2 + int(11); // 2..12 speakers
    const speakers = [];
    while (speakers.length < k) {
      const s = pick(pool);
      if (!speakers.includes(s)) speakers.push(s);
    }
    const weights = speakers.map((_, i) => (i === 0 ? 3 : 1 / (1 + i * 0.3)));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const speaker = () => {
      let u = rand() * wsum;
      for (let i = 0; i < k; i++) if ((u -= weights[i]) <= 0) return speakers[i];
      return speakers[k - 1];
    };
    if (emit(`Press conference ${session}, ${pick(PLACES)}, ${pick(MONTHS)} ${1 + int(28)}, ${2000 + int(25)}`)) return;
    const turns = 10 + int(300);
    let last = null;
    for (let t = 0; t < turns && outBytes < maxBytes; t++) {
      let who = speaker();
      if (who === last) who = speakers[(speakers.indexOf(who) + 1) % k];
      last = who;
      const paras = 1 + Math.min(5, Math.floor(-Math.log(1 - rand()) * 1.2));
      for (let p = 0; p < paras; p++) {
        const ns = 1 + int(p === 0 && rand() < 0.3 ? 2 : 7);
        const body = Array.from({ length: ns }, sentence).join(' ');
        if (emit(p === 0 ? `${who}: ${body}` : body)) return;
        if (rand() < 0.01 && emit(pick(['(Applause.)', '(Laughter.)', '[inaudible]', '(Crosstalk.)']))) return;
      }
    }
  }
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const maxName = opt('--max', '100mb');
  const outDir = opt('--out', join(HERE, 'corpora'));
  const sizes = SIZES.slice(0, SIZES.findIndex(([n]) => n === maxName) + 1);
  if (sizes.length === 0) throw new Error(`unknown --max ${maxName}`);
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  const manifestPath = join(outDir, 'manifest.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const have = (n) => manifest.generator === hash && manifest.files?.[n] && existsSync(join(outDir, `${n}.txt`));
  if (sizes.every(([n]) => have(n))) {
    console.log(`corpora: up to date (${sizes.map(([n]) => n).join(', ')}) in ${outDir}`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  // One stream; each file receives every paragraph until its size is reached.
  const fds = sizes.map(([n, bytes]) => ({ n, bytes, fd: openSync(join(outDir, `${n}.txt`), 'w'), written: 0, done: false }));
  let pendingBytes = 0;
  const flush = (chunks) => {
    const s = chunks.join('');
    const buf = Buffer.from(s);
    for (const f of fds) {
      if (f.done) continue;
      // Write whole paragraphs while they fit under the target.
      if (f.written + buf.length <= f.bytes) { writeSync(f.fd, buf); f.written += buf.length; continue; }
      let off = 0;
      for (const c of chunks) {
        const b = Buffer.from(c);
        if (f.written + b.length > f.bytes) break;
        writeSync(f.fd, b); f.written += b.length; off++;
      }
      f.done = true;
    }
  };
  const maxBytes = sizes[sizes.length - 1][1];
  generate(maxBytes + 4096, (chunks, total, reset) => {
    if (total - pendingBytes >= 1 << 20 || total >= maxBytes + 4096) {
      flush(chunks);
      pendingBytes = total;
      reset();
    }
    return fds.every((f) => f.done);
  });
  const files = {};
  for (const f of fds) {
    closeSync(f.fd);
    files[f.n] = { bytes: f.written };
  }
  writeFileSync(manifestPath, JSON.stringify({ generator: hash, seed: SEED, files }, null, 2) + '\n');
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`corpora: ${Object.entries(files).map(([n, f]) => `${n} ${f.bytes} B`).join(', ')} in ${secs} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
