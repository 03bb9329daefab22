/**
 * Calls back when the configuration file changes. Watches the folder, not the file: an atomic
 * write replaces the file by rename, which a watch on the old file would miss.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export function watchConfigFile(file: string, onChange: () => void, debounceMs = 200): () => void {
  const folder = path.dirname(file);
  const name = path.basename(file);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watcher: FSWatcher | null = null;
  try {
    mkdirSync(folder, { recursive: true });
    watcher = watch(folder, (_event, changed) => {
      if (changed !== null && changed !== name) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', () => undefined); // the folder went away: keep the last configuration
  } catch {
    // An unwatchable folder only costs live reloading; the configuration read at start stands.
  }
  return () => {
    if (timer) clearTimeout(timer);
    watcher?.close();
  };
}
