/**
 * How long the core takes from a scan to the member screen on the embedded sandbox (parser,
 * session, HTTP client, sandbox, and the redacted log line written to the log file): the kiosk's
 * own share of a customer's wait.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKioskCore } from '../../electron/core/kiosk-core';
import { createLogger } from '../../electron/core/log/logger';
import type { SessionView } from '../../electron/shared/session-view';

const RUNS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function runCoreLatency(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
  // The shipped logger, file included; only its copy on stderr is left out of the figures.
  const core = await startKioskCore({ userDataDir: dir, env: {}, logger: createLogger({ write: () => undefined, dir: path.join(dir, 'logs') }) });
  const times: number[] = [];
  for (let run = 0; run < RUNS + 20; run++) {
    const started = performance.now();
    const reached = new Promise<void>((resolve) => {
      const unsubscribe = core.session.subscribe((view: SessionView) => {
        if (view.screen === 'member') {
          unsubscribe();
          resolve();
        }
      });
    });
    core.scan(run % 2 ? '123456' : '234567'); // alternate: the same code twice in a row is a duplicate
    await reached;
    if (run >= 20) times.push(performance.now() - started); // the first runs warm up the JIT and sockets
    core.session.done();
  }
  await core.stop();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  console.log(`scan → member screen on the sandbox, ${RUNS} runs: median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${(times.at(-1) ?? NaN).toFixed(2)} ms`);
}
