/**
 * Calls back when a configuration file changes, appears or goes. Two watchers, because each
 * misses something: the folder's `fs.watch` is immediate and sees an atomic write (a rename),
 * but needs the folder to exist; polling the file's status also sees a file, or its folder,
 * that appears after start (a provisioning file rolled out to a running kiosk). Nothing is
 * created: watching must not make folders where an operator expects none.
 */
import { watch, watchFile, unwatchFile, type FSWatcher, type StatsListener } from 'node:fs';
import path from 'node:path';

export const CONFIG_POLL_MS = 1000;

export function watchConfigFile(file: string, onChange: () => void, debounceMs = 200): () => void {
  const name = path.basename(file);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(path.dirname(file), (_event, entry) => {
      if (entry === null || entry === name) changed();
    });
    watcher.on('error', () => undefined); // the folder went away: polling still sees it come back
  } catch {
    // No folder (yet): polling below covers it.
  }
  const poll: StatsListener = (current, previous) => {
    if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino || current.size !== previous.size) changed();
  };
  watchFile(file, { interval: CONFIG_POLL_MS, persistent: false }, poll);
  return () => {
    if (timer) clearTimeout(timer);
    watcher?.close();
    unwatchFile(file, poll);
  };
}

/** Watches several files with one callback; returns one function that stops them all. */
export function watchConfigFiles(files: readonly string[], onChange: () => void): () => void {
  const stops = [...new Set(files)].map((file) => watchConfigFile(file, onChange));
  return () => stops.forEach((stop) => stop());
}
