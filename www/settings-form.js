// @ts-check
// The Settings form: it shows state.settings, and a change to it (or to the address's
// hash) applies new settings: parse options analyse the text again, view options
// re-report it, a view name shows its tab.
import { $, h } from './dom.js';
import * as S from './settings.js';
import { state, setSettings, watch, comparison } from './state.js';
import { writeHash } from './hash.js';
import { selectTab } from './tabs.js';
import { engine, requestAnalysis, refreshView } from './analyse.js';

/** @import { Settings } from './settings.js' */

const form = $('settings', HTMLFormElement);
const stopwords = $('set-stopwords', HTMLSelectElement);
const extra = $('set-extra', HTMLInputElement);
const ngramMin = $('set-ngram-min', HTMLSelectElement);
const ngramMax = $('set-ngram-max', HTMLSelectElement);
const minCount = $('set-min', HTMLInputElement);
const format = $('set-format', HTMLSelectElement);
const stem = $('set-stem', HTMLInputElement);
const hyphens = $('set-hyphens', HTMLInputElement);
const furniture = $('set-furniture', HTMLInputElement);
const script = $('set-script', HTMLInputElement);
const joint = $('set-joint', HTMLInputElement);
const labelPattern = $('set-label', HTMLInputElement);

{
  const names = Object.entries(S.STOPWORD_LANGUAGES).sort((a, b) => a[1].localeCompare(b[1]));
  for (const [code, name] of names) stopwords.append(h('option', { value: code, text: `${name} (${code})` }));
  for (const select of [ngramMin, ngramMax]) {
    for (let n = S.NGRAM_MIN; n <= S.NGRAM_MAX; n++) select.append(h('option', { value: n, text: n }));
  }
}

/** Shows state.settings in the form. */
function writeForm() {
  const s = state.settings;
  stopwords.value = s.stopwords;
  extra.value = s.extra.join(', ');
  ngramMin.value = String(s.ngramMin);
  ngramMax.value = String(s.ngramMax);
  minCount.value = String(s.minCount);
  format.value = s.format;
  stem.checked = s.stem;
  hyphens.checked = s.splitHyphens;
  furniture.checked = s.keepFurniture;
  script.checked = s.keepScriptDirections;
  joint.checked = s.splitJointSpeakers;
  labelPattern.value = s.labelPattern;
}
watch('settings', writeForm);

/**
 * The settings the form shows. `changed`: the field just changed, which wins when the
 * phrase length range is upside down.
 * @param {EventTarget | null} changed
 * @returns {Settings}
 */
function readForm(changed) {
  const s = { ...state.settings };
  s.stopwords = stopwords.value;
  s.extra = S.parseWords(extra.value);
  let lo = Number(ngramMin.value);
  let hi = Number(ngramMax.value);
  if (lo > hi) {
    if (changed === ngramMin) hi = lo;
    else lo = hi;
  }
  [s.ngramMin, s.ngramMax] = [lo, hi];
  const min = Math.round(Number(minCount.value));
  if (Number.isFinite(min) && min >= 1 && min <= 9999) s.minCount = min;
  s.format = S.FORMATS.find((f) => f === format.value) ?? s.format;
  s.stem = stem.checked;
  s.splitHyphens = hyphens.checked;
  s.keepFurniture = furniture.checked;
  s.keepScriptDirections = script.checked;
  s.splitJointSpeakers = joint.checked;
  s.labelPattern = labelPattern.value.trim().slice(0, 500);
  return s;
}

/**
 * Applies new settings: shown in the form and (unless they come from it) the hash; the
 * text is analysed again or re-reported as far as they change it.
 * @param {Settings} next
 */
export function applySettings(next, { fromHash = false } = {}) {
  const prev = state.settings;
  setSettings(next);
  if (!fromHash) writeHash();
  if (next.view !== prev.view) selectTab(next.view);
  if (!state.analysis && !engine.busy) return;
  if (S.parseKey(prev, state.aliases) !== S.parseKey(next, state.aliases)) requestAnalysis('settings');
  else if (JSON.stringify(S.viewOptions(prev, comparison())) !== JSON.stringify(S.viewOptions(next, comparison()))) refreshView();
}

form.addEventListener('change', (e) => applySettings(readForm(e.target)));
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target instanceof Element && e.target.matches('input[type="text"], input[type="number"]')) {
    e.preventDefault();
    applySettings(readForm(e.target));
  }
});
$('settings-reset').addEventListener('click', () => applySettings({ ...S.defaults(), view: state.settings.view }));
window.addEventListener('hashchange', () => applySettings(S.fromHash(location.hash), { fromHash: true }));

/** Opens Settings at the label pattern. */
export function openLabelSetting() {
  $('settings-panel', HTMLDetailsElement).open = true;
  labelPattern.focus();
  labelPattern.scrollIntoView({ block: 'center' });
}

/** The stemming setting's hint says whether the detected language has a stemmer. */
function noteStemming() {
  const s = state.analysis?.summary;
  if (!s) return;
  const hint = $('set-stem-hint');
  const base = 'Terms that share a Snowball stem (18 languages) count as one, with their forms listed.';
  if (!state.settings.stem) hint.textContent = base;
  else if (s.stemmer) hint.textContent = `${base} Grouping ${S.STOPWORD_LANGUAGES[s.stemmer] ?? s.stemmer} forms.`;
  else hint.textContent = `${base} There is no stemmer for ${s.languageName ?? 'this language'}, so forms are not grouped.`;
}
watch('analysis', noteStemming);
