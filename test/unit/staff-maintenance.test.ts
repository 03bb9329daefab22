/** Staff's maintenance actions in main: nothing happens while staff mode is closed, whatever the page sends. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../electron/core/log/logger';
import { KEPT_BY_RESET, STATE_FILES, createStaffMaintenance } from '../../electron/core/staff/staff-maintenance';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp(open: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'staff-maintenance-'));
  dirs.push(dir);
  for (const name of [...STATE_FILES, 'handoff-journal.jsonl', 'config.json']) writeFileSync(path.join(dir, name), '{}\n');
  const quit = vi.fn();
  const reload = vi.fn(async () => undefined);
  const closeStaff = vi.fn();
  const lines: string[] = [];
  const log = createLogger({ write: (line) => void lines.push(line) });
  const maintenance = createStaffMaintenance({
    userDataDir: dir,
    requireOpen: () => {
      if (!open) throw new Error('Staff mode is closed');
    },
    closeStaff,
    shell: () => ({ restart: () => undefined, quit }),
    reload,
    log,
  });
  return { dir, maintenance, quit, reload, closeStaff, lines };
}

describe('staff maintenance', () => {
  it('refuses both actions while staff mode is closed: nothing quits, nothing is removed', async () => {
    vi.useFakeTimers();
    const { dir, maintenance, quit, reload } = setUp(false);
    expect(() => maintenance.quit()).toThrow('Staff mode is closed');
    expect(() => maintenance.factoryReset()).toThrow('Staff mode is closed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(quit).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    expect(readdirSync(dir).sort()).toEqual([...STATE_FILES, 'handoff-journal.jsonl', 'config.json'].sort());
  });

  it('quits through the shell once the answer is out, and logs staff-quit first', async () => {
    vi.useFakeTimers();
    const { maintenance, quit, closeStaff, lines } = setUp(true);
    expect(maintenance.quit()).toEqual({ ok: true });
    expect(closeStaff).toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled(); // not before the page has its answer
    expect(lines.some((line) => line.includes('"event":"staff-quit"'))).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('a factory reset removes the state files, keeps the journal and the provisioning file, then reloads', async () => {
    const { dir, maintenance, reload, lines } = setUp(true);
    await expect(maintenance.factoryReset()).resolves.toEqual({ ok: true, removed: [...STATE_FILES] });
    for (const name of STATE_FILES) expect(existsSync(path.join(dir, name)), name).toBe(false);
    expect(existsSync(path.join(dir, 'handoff-journal.jsonl'))).toBe(true);
    expect(existsSync(path.join(dir, 'config.json'))).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    const logged = JSON.parse(lines.find((line) => line.includes('staff-factory-reset'))!) as Record<string, unknown>;
    expect(logged).toMatchObject({ removed: [...STATE_FILES], kept: [...KEPT_BY_RESET], failed: [] });
    // A second reset finds nothing to remove, and says so.
    await expect(maintenance.factoryReset()).resolves.toEqual({ ok: true, removed: [] });
  });
});
