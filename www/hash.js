// @ts-check
// The settings in the page address (never the text), so a view can be bookmarked.
import * as S from './settings.js';
import { state } from './state.js';

/** Writes the settings into the location hash, without a new history entry. */
export function writeHash() {
  const hash = S.toHash(state.settings);
  if (hash !== location.hash && !(hash === '' && location.hash === '')) {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }
}
