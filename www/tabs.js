// @ts-check
// The tabs of the views and their panels: which is shown, and which need drawing again.
// A view is drawn when its tab is shown and the analysis (or a display setting) changed since.
import { h } from './dom.js';
import { state } from './state.js';
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

/** @param {ViewName} name */
function renderView(name) {
  dirty.delete(name);
  views.find((view) => view.name === name)?.render();
}

/**
 * Marks views to be drawn again when shown (default: all of them).
 * @param {ViewName[]} [names]
 */
export function markDirty(names = views.map((view) => view.name)) {
  for (const name of names) dirty.add(name);
}

/** After a new analysis: each view updates its choices; all are drawn again when shown. */
export function updateViews() {
  for (const view of views) view.update?.();
  markDirty();
}

/** Draws the views again after a display-only change (hidden speakers, a resize). */
export function redraw() {
  if (!state.analysis) return;
  markDirty();
  renderView(state.settings.view);
}
