// @ts-check
// Small DOM helpers. Everything user-derived goes in as text nodes, never as HTML.

/**
 * A child of `h()`: a node, or text (strings and numbers become text nodes); null,
 * undefined and false are skipped, arrays are flattened.
 * @typedef {Node | string | number | null | undefined | false | Children} Child
 */
/** @typedef {Array<Child>} Children */
/**
 * Event listeners by `on` + event name (`onclick`, `onsubmit`), added with addEventListener.
 * @typedef {{ [K in keyof HTMLElementEventMap as `on${K}`]?: (event: HTMLElementEventMap[K]) => void }} Handlers
 */
/**
 * Attributes of `h()`. `class`, `text`, `dataset` and `style` are set as properties;
 * `true` sets an empty attribute; null, undefined and false leave it out.
 * @typedef {Handlers & {
 *   class?: string, text?: string | number, dataset?: Record<string, string>, style?: Partial<CSSStyleDeclaration>,
 *   [attribute: string]: string | number | boolean | null | undefined | object,
 * }} Attrs
 */

/**
 * Creates an element with `attrs` and `children` (text children as text nodes, never HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') Object.assign(el.style, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/**
 * @param {Element | DocumentFragment} el
 * @param {Child[]} children
 */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Static markup written in this page's own source (formulas with sub- and superscripts,
 * hints with code), as a tagged template: `markup\`<p>…</p>\``. It takes no `${…}`
 * substitutions, so nothing computed at run time, let alone user text, reaches the HTML parser.
 * @param {TemplateStringsArray} strings
 * @param {...never} values
 * @returns {DocumentFragment}
 */
export function markup(strings, ...values) {
  if (values.length || !Array.isArray(strings.raw)) throw new TypeError('markup: static text only, no substitutions');
  const template = document.createElement('template');
  template.innerHTML = strings.raw.join('');
  return template.content;
}

/**
 * The element with id `id`, checked to be a `type` (an HTMLInputElement, say; default any
 * HTMLElement). Throws if there is none: the ids used are the page's own.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {{ new (): T }} [type]
 * @returns {T}
 */
export function $(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof (type ?? HTMLElement))) throw new Error(`#${id}: no such ${type?.name ?? 'element'}`);
  return /** @type {T} */ (el);
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const fixed = [0, 1, 2, 3, 4].map((d) => new Intl.NumberFormat('en', { minimumFractionDigits: d, maximumFractionDigits: d }));
export const fmt = {
  /**
   * `n` with exactly `digits` decimals and a true minus sign; "—" for null.
   * @param {number | null | undefined} n
   * @param {number} [digits]
   */
  fixed: (n, digits = 2) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : fixed[digits].format(n).replace('-', '\u2212')),
  /** @param {number} n */
  int: (n) => integer.format(n),
  /** @param {number} n */
  dec: (n) => decimal.format(n),
  /** @param {number} n a fraction, shown as a percentage with one decimal (`55.0%` beside `34.6%`) */
  pct: (n) => `${fixed[1].format(n * 100)}%`,
  /** @param {number} n milliseconds */
  ms: (n) => `${integer.format(n)} ms`,
  /** @param {number} n */
  bytes: (n) => (n < 1024 ? `${n} bytes` : n < 1024 ** 2 ? `${decimal.format(n / 1024)} KB` : `${decimal.format(n / 1024 ** 2)} MB`),
  /**
   * `n thing(s)`, with `n` formatted.
   * @param {number} n
   * @param {string} thing
   */
  count: (n, thing) => `${integer.format(n)} ${thing}${n === 1 ? '' : 's'}`,
};

/**
 * A file-name-safe slug of `s`.
 * @param {string} s
 */
export function slug(s) {
  return String(s).toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'item';
}

/**
 * Calls `fn` after `ms` without further calls. `.cancel()` drops a pending call.
 * @template {unknown[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {((...args: A) => void) & { cancel(): void }}
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @param {A} args */
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  return Object.assign(wrapped, { cancel: () => clearTimeout(timer) });
}

/**
 * Calls `fn` once the next frame has been painted (a task after it), so work there does
 * not delay what that frame shows.
 * @param {() => void} fn
 */
export const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn));
