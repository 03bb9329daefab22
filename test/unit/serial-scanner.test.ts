/** SerialScanner: scans from a serial port, re-opening it after failures and unplugs; and the core wiring it from config. */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { SerialScanner, type SerialPortLike, type SerialSettings } from '../../electron/core/scan/serial-scanner';
import type { SerialState } from '../../electron/shared/scanner-state';
import { startPtyPair, type PtyPair } from '../helpers/socat';

/** What opening a fake port does: succeed, fail with an error, or never answer (until `finishOpen`). */
type Outcome = 'ok' | 'hang' | Error;

/** A serial port in memory: `open` answers on a microtask (never faked), unplugging emits 'close'. */
class FakePort extends EventEmitter implements SerialPortLike {
  isOpen = false;
  closes = 0;
  private pendingOpen: ((error: Error | null) => void) | null = null;

  constructor(
    readonly settings: SerialSettings,
    private readonly outcome: Outcome,
  ) {
    super();
  }

  open(callback: (error: Error | null) => void): void {
    if (this.outcome === 'hang') {
      this.pendingOpen = callback;
      return;
    }
    const error = this.outcome === 'ok' ? null : this.outcome;
    queueMicrotask(() => {
      this.isOpen = !error;
      callback(error);
    });
  }

  /** Answers a 'hang' open with success. */
  finishOpen(): void {
    this.isOpen = true;
    this.pendingOpen?.(null);
  }

  close(callback?: (error: Error | null) => void): void {
    this.isOpen = false;
    this.closes += 1;
    queueMicrotask(() => {
      callback?.(null);
      this.emit('close'); // as serialport does after close(): the scanner must not take it for an unplug
    });
  }

  /** The cable is pulled. */
  unplug(): void {
    this.isOpen = false;
    this.emit('close', new Error('Disconnected'));
  }

  send(text: string | Buffer): void {
    this.emit('data', Buffer.isBuffer(text) ? text : Buffer.from(text));
  }
}

const PATH = '/dev/ttyX';
const SETTINGS: SerialSettings = { path: PATH, baudRate: 9600, prefix: null, suffix: null };
const noSuchFile = () => new Error(`No such file or directory, cannot open ${PATH}`);

/** A scanner whose n-th port opens as `outcomes[n]` (then 'ok'); records ports, scans and states. */
function rig(outcomes: (Outcome | 'throw')[], options: { retryDelayMs?: (failures: number) => number; settings?: Partial<SerialSettings> } = {}) {
  const ports: FakePort[] = [];
  const scans: string[] = [];
  const states: SerialState[] = [];
  const createPort = vi.fn(async (settings: SerialSettings) => {
    const outcome = outcomes[createPort.mock.calls.length - 1] ?? 'ok';
    if (outcome === 'throw') throw new Error('No native build was found for platform=linux arch=x64 runtime=node');
    const port = new FakePort(settings, outcome);
    ports.push(port);
    return port;
  });
  const scanner = new SerialScanner(
    { ...SETTINGS, ...options.settings },
    {
      onScan: (text) => scans.push(text),
      onState: (state) => states.push(state),
      createPort,
      ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
    },
  );
  return { scanner, ports, scans, states, createPort, last: () => states.at(-1), port: () => ports.at(-1) };
}

/** Lets promises and microtasks run, and fake time pass. */
const pass = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('SerialScanner with a fake port', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the port and turns its data chunks into scans (split lines, several per chunk, UTF-8 split across chunks)', async () => {
    const r = rig(['ok'], { settings: { prefix: '\u0002' } });
    r.scanner.start();
    await pass();
    expect(r.states).toEqual([
      { state: 'opening', detail: null },
      { state: 'open', detail: null },
    ]);
    expect(r.createPort).toHaveBeenCalledWith({ ...SETTINGS, prefix: '\u0002' });
    const port = r.port();
    port?.send('123');
    expect(r.scans).toEqual([]);
    port?.send('456\r');
    port?.send('\n\u0002234567\r\nabc');
    const euro = Buffer.from('€\n');
    port?.send(euro.subarray(0, 1));
    port?.send(euro.subarray(1));
    expect(r.scans).toEqual(['123456', '234567', 'abc€']);
    await r.scanner.stop();
  });

  it('a missing port: retrying in words naming the path, re-opened after each injected delay', async () => {
    const retryDelayMs = vi.fn((failures: number) => failures * 1000);
    const r = rig([noSuchFile(), noSuchFile(), noSuchFile(), 'ok'], { retryDelayMs });
    r.scanner.start();
    await pass();
    expect(r.createPort).toHaveBeenCalledTimes(1);
    expect(r.last()).toEqual({ state: 'retrying', detail: expect.stringContaining(`serial port ${PATH} does not exist`) });
    expect(r.last()?.detail).toContain('trying again in 1 s');

    await pass(999);
    expect(r.createPort).toHaveBeenCalledTimes(1);
    await pass(1);
    expect(r.createPort).toHaveBeenCalledTimes(2);
    expect(r.last()?.detail).toContain('trying again in 2 s');

    await pass(1999);
    expect(r.createPort).toHaveBeenCalledTimes(2);
    await pass(1);
    expect(r.createPort).toHaveBeenCalledTimes(3);

    await pass(3000);
    expect(r.createPort).toHaveBeenCalledTimes(4);
    expect(r.last()).toEqual({ state: 'open', detail: null });
    expect(retryDelayMs.mock.calls.map(([failures]) => failures)).toEqual([1, 2, 3]);
    // A port that failed to open is let go: its events are not listened to any more.
    expect(r.ports.slice(0, 3).map((port) => port.listenerCount('data') + port.listenerCount('close'))).toEqual([0, 0, 0]);
    await r.scanner.stop();
  });

  it('counts failures from one again after a successful open', async () => {
    const retryDelayMs = vi.fn((_failures: number) => 10);
    const r = rig([noSuchFile(), noSuchFile(), noSuchFile(), 'ok', noSuchFile(), 'ok'], { retryDelayMs });
    r.scanner.start();
    await pass(30);
    expect(r.last()?.state).toBe('open');
    r.port()?.unplug();
    await pass(10); // the 5th port fails to open
    await pass(10);
    expect(r.last()?.state).toBe('open');
    expect(retryDelayMs.mock.calls.map(([failures]) => failures)).toEqual([1, 2, 3, 1, 2]);
    await r.scanner.stop();
  });

  it('an unplug while open reports "disconnected", then opens the port again', async () => {
    const r = rig(['ok', noSuchFile(), 'ok'], { retryDelayMs: () => 500 });
    r.scanner.start();
    await pass();
    const first = r.port();
    first?.unplug();
    expect(r.last()).toEqual({ state: 'retrying', detail: expect.stringContaining('disconnected') });
    first?.send('123456\n'); // a dead port's last bytes are not scans
    expect(r.scans).toEqual([]);

    await pass(500);
    expect(r.createPort).toHaveBeenCalledTimes(2);
    expect(r.last()?.detail).toContain('does not exist'); // still unplugged
    await pass(500);
    expect(r.createPort).toHaveBeenCalledTimes(3);
    expect(r.last()).toEqual({ state: 'open', detail: null });
    r.port()?.send('234567\r\n');
    expect(r.scans).toEqual(['234567']);
    await r.scanner.stop();
  });

  it.each([
    ['permission denied', 'Permission denied, cannot open /dev/ttyX', /no permission .*\/dev\/ttyX.*"dialout" group/],
    ['EACCES', 'EACCES: permission denied', /dialout/],
    ['busy (lock)', 'Error Resource temporarily unavailable Cannot lock port', /serial port \/dev\/ttyX is in use by another program/],
    ['EBUSY', 'EBUSY: resource busy', /in use/],
    ['Windows missing', 'Opening COM3: File not found', /does not exist/],
    ['Windows busy (Access denied)', 'Opening COM3: Access denied', /in use by another program, or this user may not open it/],
    ['a word that only contains "lock"', 'clock mismatch', /cannot be opened \(clock mismatch\)/],
  ])('an open failure "%s" is put in words for staff', async (_name, message, words) => {
    const r = rig([new Error(message)], { retryDelayMs: () => 1000 });
    r.scanner.start();
    await pass();
    expect(r.last()?.state).toBe('retrying');
    expect(r.last()?.detail).toMatch(words);
    await r.scanner.stop();
  });

  it('an unknown failure is quoted, without control characters, and shortened', async () => {
    const r = rig([new Error(`Strange\u0000thing\u001b[31m${'!'.repeat(300)}`)], { retryDelayMs: () => 1000 });
    r.scanner.start();
    await pass();
    const detail = r.last()?.detail ?? '';
    expect(detail).toMatch(/^serial port \/dev\/ttyX cannot be opened \(Strange thing \[31m!+\); trying again in 1 s$/);
    expect(detail).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(detail.length).toBeLessThan(260);
    await r.scanner.stop();
  });

  it('uses 1 s, 2 s, 4 s … at most 30 s by default', async () => {
    const r = rig(Array.from({ length: 8 }, noSuchFile));
    r.scanner.start();
    await pass();
    const gaps: number[] = [];
    let last = 0;
    for (let elapsed = 0; r.createPort.mock.calls.length < 8; elapsed += 100) {
      const before = r.createPort.mock.calls.length;
      await pass(100);
      if (r.createPort.mock.calls.length > before) {
        gaps.push(elapsed + 100 - last);
        last = elapsed + 100;
      }
    }
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(r.last()?.detail).toContain('trying again in 30 s');
    await r.scanner.stop();
  });

  it('stop() during a pending retry: no more attempts, and it ends "off"', async () => {
    const r = rig([noSuchFile()], { retryDelayMs: () => 1000 });
    r.scanner.start();
    await pass();
    expect(r.last()?.state).toBe('retrying');
    await r.scanner.stop();
    await pass(120_000);
    expect(r.createPort).toHaveBeenCalledTimes(1);
    expect(r.states.map((state) => state.state)).toEqual(['opening', 'retrying', 'off']);
  });

  it('stop() while open closes the port, ends "off" and does not open it again', async () => {
    const r = rig(['ok'], { retryDelayMs: () => 10 });
    r.scanner.start();
    await pass();
    const port = r.port();
    await r.scanner.stop();
    expect(port?.closes).toBe(1);
    expect(port?.isOpen).toBe(false);
    expect(r.last()).toEqual({ state: 'off', detail: null });
    await pass(1000);
    port?.send('123456\n');
    expect(r.scans).toEqual([]);
    expect(r.createPort).toHaveBeenCalledTimes(1);
    expect(r.last()?.state).toBe('off');
  });

  it('a createPort that throws (native binding missing) becomes "retrying", not a crash, and is tried again', async () => {
    const r = rig(['throw', 'ok'], { retryDelayMs: () => 1000 });
    r.scanner.start();
    await pass();
    expect(r.last()).toEqual({ state: 'retrying', detail: expect.stringMatching(/^the serial port cannot be used: .*No native build was found/) });
    await pass(1000);
    expect(r.createPort).toHaveBeenCalledTimes(2);
    expect(r.last()?.state).toBe('open');
    await r.scanner.stop();
  });

  it('a createPort that throws synchronously is caught too', async () => {
    const states: SerialState[] = [];
    const scanner = new SerialScanner(SETTINGS, {
      onScan: () => undefined,
      onState: (state) => states.push(state),
      createPort: () => {
        throw new Error('Cannot find module serialport');
      },
      retryDelayMs: () => 1000,
    });
    scanner.start();
    await pass();
    expect(states.at(-1)).toEqual({ state: 'retrying', detail: expect.stringContaining('the serial port cannot be used') });
    await scanner.stop();
  });

  // Regression: found by review, fixed in the same change.
  it('stop() while the port is still opening leaves no open port behind', async () => {
    const r = rig(['hang']);
    r.scanner.start();
    await pass();
    expect(r.last()?.state).toBe('opening');
    await r.scanner.stop();
    r.port()?.finishOpen();
    await pass();
    expect(r.last()?.state).toBe('off');
    expect(r.port()?.isOpen).toBe(false);
  });
});

const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasSocat)('SerialScanner on a real pseudo-terminal (socat), with the real serialport package', () => {
  let pair: PtyPair | null = null;
  let scanner: SerialScanner | null = null;
  let dir = '';

  afterEach(async () => {
    await scanner?.stop();
    await pair?.unplug();
    scanner = null;
    pair = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a scan, reports an unplug and opens the port again when it is plugged back in', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'serial-scanner-'));
    pair = await startPtyPair(path.join(dir, 'tty'));
    const scans: string[] = [];
    const states: SerialState[] = [];
    scanner = new SerialScanner({ path: pair.kioskEnd, baudRate: 9600, prefix: null, suffix: null }, {
      onScan: (text) => scans.push(text),
      onState: (state) => states.push(state),
      retryDelayMs: () => 100,
    });
    scanner.start();
    await vi.waitFor(() => expect(states.at(-1)?.state).toBe('open'), { timeout: 5000 });

    await pair.send('123456\r\n');
    await vi.waitFor(() => expect(scans).toEqual(['123456']), { timeout: 5000 });

    await pair.unplug();
    await vi.waitFor(() => expect(states.at(-1)?.state).toBe('retrying'), { timeout: 5000 });
    expect(states.find((state) => state.state === 'retrying')?.detail).toContain('disconnected');

    await pair.replug();
    await vi.waitFor(() => expect(states.at(-1)?.state).toBe('open'), { timeout: 5000 });
    await pair.send('234567\n');
    await vi.waitFor(() => expect(scans).toEqual(['123456', '234567']), { timeout: 5000 });
  });
});

describe('the kiosk core and its serial scanner', () => {
  let core: KioskCore | null = null;
  let dir = '';

  afterEach(async () => {
    await core?.stop();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans through the configured port, and restarts or stops it as the config file changes', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-serial-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ scanners: { serial: { path: '/dev/ttyFAKE0', baudRate: 115200, prefix: '\u0002' } } }));
    const ports: FakePort[] = [];
    const createPort = async (settings: SerialSettings) => {
      const port = new FakePort(settings, 'ok');
      ports.push(port);
      return port;
    };
    const quiet = { info() {}, warn() {}, error() {} };
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: quiet, serial: { createPort, retryDelayMs: () => 50 } });

    await vi.waitFor(() => expect(core?.serialState()).toEqual({ state: 'open', detail: null }));
    expect(ports.map((port) => port.settings)).toEqual([{ path: '/dev/ttyFAKE0', baudRate: 115200, prefix: '\u0002', suffix: null }]);
    const [first] = ports;
    first?.send('\u0002123');
    first?.send('456\r\n');
    await vi.waitFor(() => expect(core?.session.view()).toMatchObject({ screen: 'member', member: { firstName: 'Farhan' } }), { timeout: 8000 });

    writeFileSync(file, JSON.stringify({ scanners: { serial: { path: '/dev/ttyFAKE1' } } }));
    await vi.waitFor(() => expect(ports.map((port) => port.settings.path)).toEqual(['/dev/ttyFAKE0', '/dev/ttyFAKE1']), { timeout: 8000 });
    await vi.waitFor(() => expect(core?.serialState().state).toBe('open'));
    expect(first?.closes).toBe(1);
    expect(first?.isOpen).toBe(false);

    core.session.done();
    first?.send('234567\n'); // the old port is let go
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(core.session.view()).toEqual({ screen: 'ready' });
    ports[1]?.send('234567\n');
    await vi.waitFor(() => expect(core?.session.view()).toMatchObject({ screen: 'member', member: { firstName: 'Ingrid' } }), { timeout: 8000 });

    writeFileSync(file, JSON.stringify({ scanners: { serial: { baudRate: 115200 } } }));
    await vi.waitFor(() => expect(core?.serialState()).toEqual({ state: 'off', detail: null }), { timeout: 8000 });
    expect(ports[1]?.closes).toBe(1);
    expect(ports[1]?.isOpen).toBe(false);
    expect(ports).toHaveLength(2);
  });
});
