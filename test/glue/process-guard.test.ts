/**
 * An uncaught exception in main, on a fake process that has Electron's own listener installed as
 * lib/browser/init.ts installs it (the error dialog on the customer's screen unless the app has a
 * listener of its own): with the kiosk's guard, no dialog, a redacted log line, the kiosk carries
 * on; exceptions that keep coming relaunch it.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../electron/core/log/logger';

vi.mock('electron', () => import('../mocks/electron'));
const { dialog, installElectronDefaultErrorDialog } = await import('../mocks/electron');
const { guardMainProcess, MAX_EXCEPTIONS, WINDOW_MS } = await import('../../electron/main/process-guard');

function electronProcess() {
  const proc = new EventEmitter();
  installElectronDefaultErrorDialog(proc);
  return proc;
}

beforeEach(() => dialog.showErrorBox.mockClear());

describe('an uncaught exception in main', () => {
  it('without the guard, Electron shows its dialog with the stack on the customer screen (the fake behaves as Electron does)', () => {
    const proc = electronProcess();
    proc.emit('uncaughtException', new TypeError("Cannot read properties of undefined (reading 'x')"), 'uncaughtException');
    expect(dialog.showErrorBox).toHaveBeenCalledWith('A JavaScript error occurred in the main process', expect.stringContaining('TypeError'));
  });

  it('with the guard, shows no dialog, and logs it redacted in the kiosk log; the kiosk carries on', () => {
    const proc = electronProcess();
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    log.setSecrets(['s3cret-token-value']);
    const relaunch = vi.fn();
    guardMainProcess(proc as never).attach(log, relaunch);
    proc.emit('uncaughtException', new Error('POST failed with Authorization: Bearer s3cret-token-value'), 'uncaughtException');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', event: 'uncaught-exception', origin: 'uncaughtException', inLastMinute: 1 });
    expect(String(line.message)).toContain('POST failed');
    expect(lines[0]).not.toContain('s3cret-token-value');
    expect(relaunch).not.toHaveBeenCalled();
  });

  it('before the core exists, writes to stderr, still without a dialog', () => {
    const proc = electronProcess();
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    guardMainProcess(proc as never);
    proc.emit('uncaughtException', new Error('early'), 'uncaughtException');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(stderr).toHaveBeenCalledWith('uncaught-exception', expect.stringContaining('early'));
    stderr.mockRestore();
  });

  it(`relaunches once when more than ${MAX_EXCEPTIONS} come within a minute, and not for ${MAX_EXCEPTIONS}, nor for ones spread out`, () => {
    let now = 0;
    const proc = electronProcess();
    const relaunch = vi.fn();
    guardMainProcess(proc as never, () => now).attach({ info: vi.fn(), warn: vi.fn(), error: vi.fn() }, relaunch);
    for (let i = 0; i < MAX_EXCEPTIONS; i++) {
      proc.emit('uncaughtException', new Error(`spread ${i}`), 'uncaughtException');
      now += WINDOW_MS / 2;
    }
    proc.emit('uncaughtException', new Error('spread'), 'uncaughtException');
    expect(relaunch).not.toHaveBeenCalled();
    now += WINDOW_MS;
    for (let i = 0; i <= MAX_EXCEPTIONS + 2; i++) proc.emit('uncaughtException', new Error(`burst ${i}`), 'uncaughtException');
    expect(relaunch).toHaveBeenCalledTimes(1);
    expect(relaunch).toHaveBeenCalledWith(expect.stringContaining('uncaught exceptions within 60 s'));
  });
});
