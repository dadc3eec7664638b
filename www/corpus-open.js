// @ts-check
// Opening one document of the corpus in the single-document views: its file (or archive
// entry) is read again, since no text is kept, and opened as any file is (input.js).
import { showError } from './status.js';
import { openFile } from './input.js';
import { zipEntryFile } from './zip.js';
import { corpus } from './corpus-state.js';

/**
 * Opens document `index` of the corpus.
 * @param {number} index
 */
export async function openDocument(index) {
  const item = corpus.documents[index];
  if (!item) return;
  try {
    const file = 'file' in item.origin ? item.origin.file : await zipEntryFile(item.origin.zip, item.origin.entry);
    if (!file) throw new Error('it is no longer in the archive');
    await openFile(file);
  } catch (err) {
    showError(`“${item.path}” could not be opened again: ${err instanceof Error ? err.message : err}`);
  }
}
