// @ts-check
// The tabs of the views and their panels: which is shown, and which need drawing again.
// After an analysis the view shown is drawn at once; the others are drawn one at a time
// in idle time after that (so opening their tab is instant), or when their tab is shown
// first. A new analysis or display change stops the idle drawing of the last.
// Each drawing is a performance measure `colloquy:view:NAME` (the bench reads them), and
// `body.dataset.drawn` lists the views drawn since the last analysis.
import { h, afterPaint } from './dom.js';
import { state } from './state.js';
import { colourMap } from './colours.js';
import { facts } from './pkg/facts.js';
import { writeHash } from './hash.js';

/**
 * @import { ViewName } from './settings.js'
 */

/**
 * A view of the analysis, with a tab of its own.
 * @typedef {object} View
 * @property {ViewName} name
 * @property {string} title  the tab's label
 * @property {Node} [badge]  shown in the tab after the title
 * @property {HTMLElement} panel  its tab panel (views/shell.js: tabPanel)
 * @property {() => void} render  draws the view from state (when its tab is shown)
 * @property {() => void} [update]  after each analysis, shown or not: fills its choices
 */

/** @type {View[]} */
let views = [];
/** @type {HTMLButtonElement[]} */
let tabs = [];
/** @type {Set<ViewName>} views to draw again when shown */
const dirty = new Set();
/** Counts analyses and display changes: idle drawing scheduled for an older one stops. */
let generation = 0;
/**
 * Runs `f` in an idle period, or after IDLE_WAIT_MS if none comes (Chromium gives none
 * while something asks for a frame every frame), so the drawing always ends.
 */
const IDLE_WAIT_MS = 500;
const idle = (/** @type {() => void} */ f) => ("requestIdleCallback" in window ? requestIdleCallback(f, { timeout: IDLE_WAIT_MS }) : setTimeout(f, 1));

/**
 * Puts a tab per view into `tablist` and the views' panels after it.
 * @param {HTMLElement} tablist
 * @param {View[]} list
 */
export function initTabs(tablist, list) {
  views = list;
  tabs = views.map((view) => h('button', { role: 'tab', id: `tab-${view.name}`, 'aria-controls': view.panel.id, type: 'button' }, view.badge ? [`${view.title} `, view.badge] : view.title));
  tablist.replaceChildren(...tabs);
  tablist.after(...views.map((view) => view.panel));
  tabs.forEach((tab, i) => {
    const view = views[i].name;
    tab.addEventListener('click', () => {
      if (view === state.settings.view) return;
      state.settings = { ...state.settings, view };
      writeHash();
      selectTab(view);
    });
    tab.addEventListener('keydown', (e) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const next = tabs[(to + tabs.length) % tabs.length];
      next.focus();
      next.click();
    });
  });
}

/**
 * Shows the view `name` (drawing it if it needs to be); `focus`: and focuses its tab.
 * @param {ViewName} name
 */
export function selectTab(name, { focus = false } = {}) {
  views.forEach((view, i) => {
    const on = view.name === name;
    tabs[i].setAttribute('aria-selected', String(on));
    tabs[i].tabIndex = on ? 0 : -1;
    view.panel.hidden = !on;
    if (on && focus) tabs[i].focus();
  });
  if (state.analysis && dirty.has(name)) renderView(name);
}

/**
 * Shows the view `name` as if its tab was clicked, and focuses the tab.
 * @param {ViewName} name
 */
export function openTab(name) {
  const tab = tabs[views.findIndex((view) => view.name === name)];
  tab.click();
  tab.focus();
}

/**
 * Draws view `name` now; resolves when it is drawn (a view that asks the worker first
 * draws when the answer comes).
 * @param {ViewName} name
 */
function renderView(name) {
  dirty.delete(name);
  const view = views.find((v) => v.name === name);
  if (!view) return Promise.resolve();
  const start = performance.now();
  const drawn = (document.body.dataset.drawn ?? '').split(' ').filter(Boolean);
  document.body.dataset.drawn = [...drawn.filter((n) => n !== name), name].join(' ');
  return Promise.resolve(view.render()).then(() => {
    performance.measure(`colloquy:view:${name}`, { start, end: performance.now() });
  });
}

/**
 * After the view shown is drawn and painted, draws the other views left to draw, one
 * per idle period, in tab order; stops when a newer analysis or display change comes.
 */
function drawRestWhenIdle() {
  const at = generation;
  const next = () => {
    if (at !== generation || !state.analysis) return;
    const name = views.find((v) => dirty.has(v.name))?.name;
    if (!name) {
      performance.mark('colloquy:all-drawn');
      document.body.dataset.allDrawn = 'true';
      return;
    }
    renderView(name).then(() => idle(next), () => idle(next));
  };
  // After the next frame is painted, so the view shown comes first.
  afterPaint(() => idle(next));
}

/**
 * Marks views to be drawn again when shown (default: all of them).
 * @param {ViewName[]} [names]
 */
export function markDirty(names = views.map((view) => view.name)) {
  for (const name of names) dirty.add(name);
}

/**
 * After a new analysis: each view updates its choices; all are to be drawn again (the
 * one shown by `selectTab`, the others when idle or shown).
 */
export function updateViews() {
  generation += 1;
  document.body.dataset.drawn = '';
  document.body.dataset.allDrawn = 'false';
  for (const view of views) view.update?.();
  markDirty();
  drawRestWhenIdle();
}

/**
 * Draws every view once with `sample` (the worker's rehearsal on the bundled example)
 * while no analysis is shown and none is asked for, unseen (the results are hidden), so
 * the first real drawing runs code the browser has already compiled. Then the page is
 * as it was: no analysis, and every view to be drawn again.
 * @param {import('./pkg/colloquy.js').Analysis} sample
 */
export function rehearse(sample) {
  const results = document.getElementById('results');
  if (state.analysis || state.job || !results?.hidden) return;
  const colours = state.colours;
  state.analysis = sample;
  state.colours = colourMap(sample.speakers.map((s) => s.name), facts.unattributed);
  try {
    for (const view of views) {
      view.update?.();
      // A view that asks the worker gets no answer for a document it does not hold, and
      // draws nothing more when the analysis has changed meanwhile.
      Promise.resolve(view.render()).catch(() => {});
    }
    // Laid out once, unseen and off the page, so the browser's style, layout and text
    // shaping caches hold the results' markup before the first real one shows.
    results.classList.add('rehearsing');
    results.hidden = false;
    void results.offsetHeight;
  } finally {
    results.hidden = true;
    results.classList.remove('rehearsing');
    state.analysis = null;
    state.colours = colours;
    markDirty();
    document.body.dataset.rehearsed = String(Number(document.body.dataset.rehearsed ?? 0) + 1);
  }
}

/** Draws the views again after a display-only change (hidden speakers, a resize). */
export function redraw() {
  if (!state.analysis) return;
  generation += 1;
  markDirty();
  renderView(state.settings.view);
  drawRestWhenIdle();
}
