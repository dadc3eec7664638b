// Native and page figures for the report. Native: bench/work/native.json, written by
// `make bench` from the core's native benchmark in the same run (examples/bench_native.rs,
// when the workspace has it), else bench/native.json from a separate run. Each holds
// { SIZE: { median_ms, p90_ms, peak_rss_mb, ... } } with SIZE as in bench/sizes.mjs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './sizes.mjs';

export function loadNativeFile(results) {
  const started = Date.parse(results.makeStarted ?? results.started);
  for (const rel of ['bench/work/native.json', 'bench/native.json']) {
    const path = join(ROOT, rel);
    if (!existsSync(path)) continue;
    const mtime = statSync(path).mtime;
    try {
      const data = JSON.parse(readFileSync(path, 'utf8'));
      const sizes = {};
      for (const [k, v] of Object.entries(data)) sizes[k.toLowerCase().replace(/[\s_]/g, '')] = v;
      if (Object.keys(sizes).length === 0) continue;
      const thisRun = rel.startsWith('bench/work/') && mtime.getTime() >= started;
      return { path: rel, from: thisRun ? 'this run' : `a separate run (file dated ${mtime.toISOString().slice(0, 16)})`, sizes };
    } catch {
      continue;
    }
  }
  return null;
}

/** bench/work/floor-native.json (bench/run.sh): the floor's native median per size. */
export function loadFloorNative() {
  return readJson(join(ROOT, 'bench/work/floor-native.json'));
}

/**
 * bench/work/page.json (bench/page.mjs, run by bench/run.sh before bench.mjs): the page
 * in headless Chromium, per size. Null if absent or older than this `make bench`.
 */
export const loadPageFile = (results) => thisRunsFile(results, 'bench/work/page.json');

/** bench/work/page-speed.json (bench/page-speed.mjs), if written during this `make bench`. */
export const loadPageSpeedFile = (results) => thisRunsFile(results, 'bench/work/page-speed.json');

/** bench/work/paired.json (bench/paired.mjs), if written during this `make bench`. */
export const loadPairedFile = (results) => thisRunsFile(results, 'bench/work/paired.json');

/** A JSON file that a step of this `make bench` wrote; null if absent or older. */
function thisRunsFile(results, rel) {
  const path = join(ROOT, rel);
  if (!existsSync(path)) return null;
  if (statSync(path).mtime.getTime() < Date.parse(results.makeStarted ?? results.started)) return null;
  return readJson(path);
}

/** A JSON file's value, or null if it is unreadable or not JSON. */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
