/**
 * A serial scanner (USB-CDC or RS-232) read with the `serialport` package. Each scan is a line
 * (or ends with the configured suffix). The port is opened again with a growing pause when it
 * cannot be opened or goes away (unplugged), so a replugged scanner works without a restart;
 * every change of state is reported for staff and the log. Nothing here can stop the other
 * scanners: every failure becomes a state.
 */
import { StringDecoder } from 'node:string_decoder';
import type { SerialState } from '../../shared/scanner-state';
import { ScanFramer } from './scan-framer';

export interface SerialSettings {
  path: string;
  baudRate: number;
  prefix: string | null;
  suffix: string | null;
}

/** The part of serialport's `SerialPort` used here (a test may pass another). */
export interface SerialPortLike {
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  readonly isOpen: boolean;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'close', listener: (error?: Error | null) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  removeAllListeners(): this;
}

export type OpenSerialPort = (settings: SerialSettings) => Promise<SerialPortLike>;

export interface SerialScannerDeps {
  onScan(text: string): void;
  onState(state: SerialState): void;
  /** Builds (does not open) a port; the default loads `serialport`. */
  createPort?: OpenSerialPort;
  /** The pause before re-opening after the n-th failure in a row (n ≥ 1). */
  retryDelayMs?: (failures: number) => number;
}

/** 1 s, 2 s, 4 s … at most 30 s: a replugged scanner is back within seconds, a missing one costs nothing. */
const defaultRetryDelay = (failures: number) => Math.min(30_000, 1000 * 2 ** (failures - 1));

async function createSerialPort(settings: SerialSettings): Promise<SerialPortLike> {
  // Loaded on first use: a kiosk without a serial scanner never loads the native binding.
  const { SerialPort } = await import('serialport');
  return new SerialPort({ path: settings.path, baudRate: settings.baudRate, autoOpen: false }) as unknown as SerialPortLike;
}

export class SerialScanner {
  private port: SerialPortLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly settings: SerialSettings,
    private readonly deps: SerialScannerDeps,
  ) {}

  start(): void {
    void this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const port = this.port;
    this.port = null;
    port?.removeAllListeners();
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.deps.onState({ state: 'off', detail: null });
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    this.deps.onState({ state: 'opening', detail: null });
    let port: SerialPortLike;
    try {
      port = await (this.deps.createPort ?? createSerialPort)(this.settings);
    } catch (error) {
      return this.retry(`the serial port cannot be used: ${describe(error, this.settings.path)}`);
    }
    if (this.stopped) return;
    const decoder = new StringDecoder('utf8');
    const framer = new ScanFramer({ prefix: this.settings.prefix, suffix: this.settings.suffix, onFrame: (text) => this.deps.onScan(text) });
    port.on('data', (chunk) => framer.push(decoder.write(chunk)));
    port.on('error', () => undefined); // every error also closes the port or fails the open: handled there
    port.on('close', () => {
      if (this.port !== port) return;
      this.port = null;
      port.removeAllListeners();
      this.retry('the serial scanner was disconnected');
    });
    this.port = port;
    port.open((error) => {
      if (this.port !== port) {
        // Stopped (or replaced) while opening: an open that succeeded must not keep the device locked.
        if (!error) port.close();
        return;
      }
      if (error) {
        this.port = null;
        port.removeAllListeners();
        this.retry(describe(error, this.settings.path));
        return;
      }
      this.failures = 0;
      this.deps.onState({ state: 'open', detail: null });
    });
  }

  private retry(detail: string): void {
    if (this.stopped) return;
    this.failures += 1;
    const delay = (this.deps.retryDelayMs ?? defaultRetryDelay)(this.failures);
    const wait = delay < 1000 ? `${delay} ms` : `${Math.round(delay / 1000)} s`;
    this.deps.onState({ state: 'retrying', detail: `${detail}; trying again in ${wait}` });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open();
    }, delay);
  }
}

/** Words for staff: what is wrong with the port, without the binding's jargon where it is known. */
function describe(error: unknown, path: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/no such file|ENOENT|file not found|cannot find/i.test(message)) return `serial port ${path} does not exist (is the scanner plugged in, and the path right?)`;
  if (/permission denied|EACCES/i.test(message)) return `no permission to open serial port ${path} (on Linux, add the kiosk's user to the "dialout" group)`;
  if (/access denied/i.test(message)) return `serial port ${path} is in use by another program, or this user may not open it`; // Windows says this for both
  if (/\bbusy\b|EBUSY|cannot lock|\block\b/i.test(message)) return `serial port ${path} is in use by another program`;
  return `serial port ${path} cannot be opened (${message.replace(/[\p{Cc}\p{Cf}]/gu, ' ').slice(0, 160)})`;
}
