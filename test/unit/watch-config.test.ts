/** Watching a config file: one change is one call, in a folder that exists or one that appears later; no folder is made. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFIG_POLL_MS, watchConfigFile } from '../../electron/core/config/watch-config';

let dir = '';
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  rmSync(dir, { recursive: true, force: true });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, CONFIG_POLL_MS * 2.5));

describe('watchConfigFile', () => {
  it('calls once for one write in an existing folder (not again when a poll sees it later)', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-watch-'));
    const onChange = vi.fn();
    stop = watchConfigFile(path.join(dir, 'config.json'), onChange);
    writeFileSync(path.join(dir, 'config.json'), '{}');
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('sees a file whose folder appears after start, makes no folder itself, then watches it at once', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-watch-'));
    const folder = path.join(dir, 'etc', 'kiosk');
    const onChange = vi.fn();
    stop = watchConfigFile(path.join(folder, 'config.json'), onChange);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(folder)).toBe(false);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'config.json'), '{}');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: CONFIG_POLL_MS * 4 });
    writeFileSync(path.join(folder, 'config.json'), '{"storeId":"2"}');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 1000 }); // the folder's watcher, not the next poll
  });
});
