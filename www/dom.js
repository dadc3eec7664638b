// Small DOM helpers. Everything user-derived goes in as text nodes, never as HTML.

/**
 * Creates an element. `attrs`: attributes, except `class`/`text`/`on*`/`dataset`/`style`
 * which are set as properties; children: nodes or strings (inserted as text), null skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') Object.assign(el.style, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (id) => document.getElementById(id);

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const fixed = [0, 1, 2, 3, 4].map((d) => new Intl.NumberFormat('en', { minimumFractionDigits: d, maximumFractionDigits: d }));
export const fmt = {
  /** `n` with exactly `digits` decimals and a true minus sign; "—" for null. */
  fixed: (n, digits = 2) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : fixed[digits].format(n).replace('-', '\u2212')),
  int: (n) => integer.format(n),
  dec: (n) => decimal.format(n),
  pct: (n) => `${decimal.format(n * 100)}%`,
  ms: (n) => `${integer.format(n)} ms`,
  bytes: (n) => (n < 1024 ? `${n} bytes` : n < 1024 ** 2 ? `${decimal.format(n / 1024)} KB` : `${decimal.format(n / 1024 ** 2)} MB`),
};

/** A file-name-safe slug of `s`. */
export function slug(s) {
  return String(s).toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'item';
}

/** Calls `fn` after `ms` without further calls. `.cancel()` drops a pending call. */
export function debounce(fn, ms) {
  let timer;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}
