/**
 * Calls back when a configuration file changes, appears or goes. The folder's `fs.watch` is
 * immediate and sees an atomic write (a rename); where the folder does not exist (yet), or
 * goes away, the file's status is polled instead, which also sees a file, or its folder, that
 * appears after start (a provisioning file rolled out to a running kiosk). One watcher at a time,
 * so one change means one reload. Nothing is created: watching must not make folders where an
 * operator expects none.
 */
import { watch, watchFile, unwatchFile, type FSWatcher, type StatsListener } from 'node:fs';
import path from 'node:path';

export const CONFIG_POLL_MS = 1000;

export function watchConfigFile(file: string, onChange: () => void, debounceMs = 200): () => void {
  const name = path.basename(file);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watcher: FSWatcher | null = null;
  let polling = false;
  let stopped = false;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const poll: StatsListener = (current, previous) => {
    // Mode and owner too: a provisioning file refused for them is taken up once they are fixed (file-trust.ts).
    const same = current.mtimeMs === previous.mtimeMs && current.ino === previous.ino && current.size === previous.size;
    if (same && current.mode === previous.mode && current.uid === previous.uid) return;
    changed();
    // The folder may be back: hand over to the immediate watcher.
    if (watchFolder()) stopPolling();
  };
  const startPolling = () => {
    if (polling || stopped) return;
    polling = true;
    watchFile(file, { interval: CONFIG_POLL_MS, persistent: false }, poll);
  };
  const stopPolling = () => {
    if (!polling) return;
    polling = false;
    unwatchFile(file, poll);
  };
  function watchFolder(): boolean {
    try {
      watcher = watch(path.dirname(file), (_event, entry) => {
        if (entry === null || entry === name) changed();
      });
      watcher.on('error', () => {
        // The folder went away: poll until it comes back.
        watcher?.close();
        watcher = null;
        startPolling();
      });
      return true;
    } catch {
      return false;
    }
  }
  if (!watchFolder()) startPolling();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    watcher?.close();
    stopPolling();
  };
}

/** Watches several files with one callback; returns one function that stops them all. */
export function watchConfigFiles(files: readonly string[], onChange: () => void): () => void {
  const stops = [...new Set(files)].map((file) => watchConfigFile(file, onChange));
  return () => stops.forEach((stop) => stop());
}
