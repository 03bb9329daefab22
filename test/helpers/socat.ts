/**
 * A pseudo-terminal pair made by `socat`, standing in for a serial scanner's cable: the kiosk
 * opens one end as its serial port, the test writes scans into the other. Stopping socat is
 * unplugging the scanner; starting it again on the same paths is plugging it back in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

export interface PtyPair {
  /** The end the kiosk opens (`scanners.serial.path`). */
  kioskEnd: string;
  /** Writes bytes as the scanner would send them. */
  send(data: string | Buffer): Promise<void>;
  /** Unplugs: socat exits and both ends disappear. */
  unplug(): Promise<void>;
  /** Plugs back in on the same paths. */
  replug(): Promise<void>;
}

export async function startPtyPair(basePath: string): Promise<PtyPair> {
  const kioskEnd = `${basePath}-kiosk`;
  const scannerEnd = `${basePath}-scanner`;
  let socat: ChildProcess | null = null;

  async function start(): Promise<void> {
    const child = spawn('socat', [`pty,raw,echo=0,link=${kioskEnd}`, `pty,raw,echo=0,link=${scannerEnd}`], { stdio: 'ignore' });
    socat = child;
    const until = Date.now() + 5000;
    while (!(existsSync(kioskEnd) && existsSync(scannerEnd))) {
      if (child.exitCode !== null) throw new Error(`socat exited (${child.exitCode}); is it installed?`);
      if (Date.now() > until) throw new Error('socat did not create the pseudo-terminal pair');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function stop(): Promise<void> {
    const child = socat;
    socat = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  await start();
  return {
    kioskEnd,
    send: (data) => writeFile(scannerEnd, data),
    unplug: stop,
    replug: start,
  };
}
