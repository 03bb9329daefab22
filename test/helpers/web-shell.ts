/**
 * Starts the built web shell (`node dist/web/web-shell.mjs`, what `npm run start:web` runs)
 * as a child process with its own config and user-data folder, and waits for its
 * `Kiosk UI:` line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WebShell {
  url: string;
  process: ChildProcess;
  configPath: string;
  /** Everything the shell printed so far (stdout and stderr). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * @param options.userDataDir a folder to use (and keep) as the shell's user data, e.g. to start
 * it again on what a killed one left behind; by default a new one, removed on stop.
 */
export async function startWebShell(options: { config?: unknown; env?: Record<string, string>; userDataDir?: string } = {}): Promise<WebShell> {
  const dir = options.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kiosk-test-'));
  const configPath = path.join(dir, 'config.json');
  if (options.config !== undefined) writeFileSync(configPath, JSON.stringify(options.config, null, 2));
  const child = spawn(process.execPath, [path.join(root, 'dist/web/web-shell.mjs')], {
    cwd: root,
    env: { ...process.env, KIOSK_PORT: '0', KIOSK_USER_DATA: dir, ...(options.config !== undefined ? { KIOSK_CONFIG: configPath } : {}), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not print its URL:\n${output}`)), 15_000);
    const check = () => {
      const match = /^Kiosk UI: (http:\/\/127\.0\.0\.1:\d+\/\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`web shell exited (${code}):\n${output}`)));
  });

  return {
    url,
    process: child,
    configPath,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!options.userDataDir) rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
