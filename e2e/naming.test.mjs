// Unit tests, in Node (no browser), of the page's pure modules for speakers' identities:
// colours from names (www/colours.js), edits remembered per name (www/names.js), and export
// names from a pasted text's speakers (www/source.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PALETTE, OTHER_COLOUR, UNATTRIBUTED_COLOUR, NEUTRAL, fnv1a, nameKey, preferences, colourMap, inkFor } from '../www/colours.js';
import { readNames, writeNames, syncNames, namesFor } from '../www/names.js';
import { namingSpeakers, exportBase, exportTitle } from '../www/source.js';

const U = '(unattributed)';
/** A few hundred made-up names. */
const NAMES = Array.from({ length: 300 }, (_, i) => `Speaker ${String.fromCharCode(65 + (i % 26))}${i}`);
/** A seeded shuffle, so failures repeat. */
function shuffled(list, seed) {
  const a = [...list];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

test('FNV-1a: the published 32-bit test vectors; names normalised', () => {
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  assert.equal(fnv1a('foobar'), 0xbf9cf968);
  assert.equal(nameKey('  Donald\u00a0 TRUMP '), 'donald trump');
  assert.equal(nameKey('ＴＲＵＭＰ'), 'trump', 'NFKC: full-width letters');
});

test('preferences: every palette colour once, whatever the hash', () => {
  for (const h of [0, 1, 6, 7, 41, 0xffffffff, ...NAMES.map((n) => fnv1a(n))]) {
    assert.deepEqual([...preferences(h)].sort(), PALETTE.map((_, i) => i), String(h));
    assert.equal(preferences(h)[0], h % PALETTE.length);
  }
});

test('a name\'s colour does not depend on its rank, nor on the case or spacing of the name', () => {
  for (let seed = 1; seed < 40; seed++) {
    const names = shuffled(NAMES, seed).slice(0, 1 + (seed % 7));
    const map = colourMap(names, U);
    for (let other = 1; other < 5; other++) {
      const again = colourMap(shuffled(names, seed * 31 + other), U);
      for (const n of names) assert.equal(again.get(n), map.get(n), `${n} in ${names}`);
    }
  }
  const [a, b] = [colourMap(['TRUMP', 'CLINTON', 'HOLT'], U), colourMap(['Holt', 'Clinton', ' trump'], U)];
  assert.deepEqual([a.get('TRUMP'), a.get('CLINTON'), a.get('HOLT')], [b.get(' trump'), b.get('Clinton'), b.get('Holt')]);
});

test('within a transcript the coloured speakers have distinct colours; the eighth by words is grey', () => {
  for (let seed = 1; seed < 60; seed++) {
    const names = shuffled(NAMES, seed).slice(0, 12);
    const map = colourMap(names, U);
    const coloured = names.slice(0, PALETTE.length).map((n) => map.get(n));
    assert.equal(new Set(coloured).size, PALETTE.length, names.join());
    assert.ok(coloured.every((c) => PALETTE.includes(c)));
    for (const n of names.slice(PALETTE.length)) assert.equal(map.get(n), OTHER_COLOUR);
  }
});

test('a name alone, or first in hash order, has its preferred colour; a new speaker moves only names after it', () => {
  for (const n of NAMES.slice(0, 50)) assert.equal(colourMap([n]).get(n), PALETTE[fnv1a(nameKey(n)) % 7]);
  const byHash = (n) => fnv1a(nameKey(n));
  for (let seed = 1; seed < 60; seed++) {
    const names = shuffled(NAMES, seed).slice(0, 4);
    const extra = shuffled(NAMES, seed + 1000).find((n) => !names.includes(n));
    const before = colourMap(names, U);
    const after = colourMap([...names, extra], U);
    for (const n of names) if (byHash(n) < byHash(extra)) assert.equal(after.get(n), before.get(n), `${n} is before ${extra}`);
  }
});

test('the unattributed text has its own light grey and takes no colour from the speakers', () => {
  const names = ['A', U, 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  const map = colourMap(names, U);
  assert.equal(map.get(U), UNATTRIBUTED_COLOUR);
  assert.equal(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => map.get(n))).size, 7, 'seven speakers coloured');
  assert.equal(map.get('H'), OTHER_COLOUR);
  for (const c of [UNATTRIBUTED_COLOUR, OTHER_COLOUR, NEUTRAL]) assert.ok(!PALETTE.includes(c));
  assert.equal(inkFor(UNATTRIBUTED_COLOUR), '#111111', 'dark labels on it');
});

test('names store: a text decides its own labels\' entries and keeps the others', () => {
  let names = readNames(null);
  names = syncNames(names, { aliases: { Q: 'Journalist', 'MR. X': 'X' }, hidden: ['Moderator'], labels: ['Q', 'MR. X', 'X', 'Moderator', U], unattributed: U });
  assert.deepEqual({ ...names.aliases }, { Q: 'Journalist', 'MR. X': 'X' });
  assert.deepEqual([...names.hidden], ['Moderator']);
  // Another text: Q renamed otherwise, Moderator shown again; MR. X is not in it, so kept.
  names = readNames(writeNames(names));
  names = syncNames(names, { aliases: { Q: 'Reporter', [U]: 'Host' }, hidden: [U], labels: ['Q', 'Moderator', 'Z'], unattributed: U });
  assert.deepEqual({ ...names.aliases }, { 'MR. X': 'X', Q: 'Reporter' }, 'the unattributed text is not a name');
  assert.deepEqual([...names.hidden], []);
  // An undo: the label is in the text with no alias, so its entry goes.
  names = syncNames(names, { aliases: {}, hidden: [], labels: ['Q'], unattributed: U });
  assert.deepEqual({ ...names.aliases }, { 'MR. X': 'X' });
  // A new text with nothing seen yet changes nothing.
  assert.deepEqual(syncNames(names, { aliases: {}, hidden: [], labels: [], unattributed: U }), names);
});

test('names store: only the labels a new text has apply; hidden speakers by their names after', () => {
  const names = readNames(JSON.stringify({ aliases: { Q: 'Journalist', B: 'Bob', [U]: 'Host' }, hidden: ['Journalist', 'Zed', U] }));
  assert.deepEqual(namesFor(names, ['A', 'Q', U], U), { aliases: { __proto__: null, Q: 'Journalist' }, hidden: ['Journalist'] });
  assert.deepEqual(namesFor(names, ['A', 'C'], U), { aliases: { __proto__: null }, hidden: [] });
  for (const damaged of ['{', '[]', '"x"', '{"aliases":[1],"hidden":{}}', '{"aliases":{"a":1,"b":"b"},"hidden":[2]}']) {
    const read = readNames(damaged);
    assert.deepEqual([Object.keys(read.aliases), [...read.hidden]], [[], []], damaged);
  }
  const proto = readNames('{"aliases":{"__proto__":"Evil","constructor":"Ctor"}}');
  assert.deepEqual(namesFor(proto, ['__proto__', 'constructor', 'toString'], U).aliases, Object.assign(Object.create(null), { ['__proto__']: 'Evil', constructor: 'Ctor' }));
});

test('a pasted text is named after its first speakers by words, within 40 characters', () => {
  const debate = namingSpeakers(['TRUMP', 'CLINTON', U, 'WALLACE', 'AUDIENCE'], U);
  assert.deepEqual(debate, ['TRUMP', 'CLINTON', 'WALLACE']);
  assert.equal(exportBase({ file: null, speakers: debate }), 'trump-clinton-wallace');
  assert.equal(exportTitle({ file: null, speakers: debate }), 'TRUMP, CLINTON, WALLACE');
  assert.equal(exportBase({ file: 'Debate 1 (2016)', speakers: debate }), 'debate-1-2016', 'a file keeps its name');
  assert.equal(exportTitle({ file: 'Debate 1 (2016)', speakers: debate }), 'Debate 1 (2016)');
  assert.equal(exportBase({ file: null, speakers: namingSpeakers([U, '???'], U) }), 'transcript', 'no named speaker');
  assert.equal(exportBase({ file: null, speakers: namingSpeakers(['Renée Dupré', 'Sergey Lavrov'], U) }), 'renee-dupre-sergey-lavrov');
  const long = namingSpeakers(['The Right Honourable Member for Somewhere', 'Bob', 'Carol'], U);
  assert.deepEqual(long, ['The Right Honourable Member for Somewhere'], 'the first always; no more than fits');
  assert.ok(exportBase({ file: null, speakers: long }).length <= 40);
  for (let seed = 1; seed < 30; seed++) {
    const base = exportBase({ file: null, speakers: namingSpeakers(shuffled(NAMES, seed), U) });
    assert.ok(base.length <= 40 && /^[a-z0-9-]+$/.test(base), base);
  }
});
