/**
 * The camera path in Debian's Chromium with its fake camera, two figures:
 * - idle CPU: every Chromium process's CPU over 10 s while the kiosk scans an empty 720p scene
 *   at 10 fps, against Chromium merely showing the same camera in a <video>, in the same run;
 * - scan latency: from the code appearing in the stream to main's `member` outcome, with a
 *   back end that answers at once. The code appears `BLANK_S` after the capture page reports
 *   the camera running (the fake camera starts its file when opened), so each figure includes
 *   whatever the camera took to deliver its first frame: an upper bound.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/helpers/chromium';
import { MEMBER_ANSWER, startFakeIdentify } from '../../test/helpers/fake-identify-server';
import { qrFrame, sceneFrame } from '../../test/helpers/qr-frames';
import { startWebShell } from '../../test/helpers/web-shell';
import { writeY4m } from '../../test/helpers/y4m';
import { buildIfStale } from '../build';

const CPU_SECONDS = 10;
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 12);
const BLANK_S = 2;
const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU seconds used so far by every process whose command line mentions `marker`. */
function cpuSeconds(marker: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND;
}

async function measureCpu(videoFile: string, userDataDir: string, open: (page: import('@playwright/test').Page) => Promise<void>): Promise<number> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`],
  });
  try {
    const page = await context.newPage();
    await open(page);
    await page.waitForTimeout(3000); // settle
    const before = cpuSeconds(userDataDir);
    await page.waitForTimeout(CPU_SECONDS * 1000);
    return ((cpuSeconds(userDataDir) - before) / CPU_SECONDS) * 100;
  } finally {
    await context.close();
  }
}

/** A secure-context page (http://127.0.0.1) that only shows the camera. */
async function cameraOnlyPage(): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      '<video autoplay muted playsinline style="width:640px"></video><script>navigator.mediaDevices.getUserMedia({video:{width:1280,height:720}}).then(s=>document.querySelector("video").srcObject=s)</script>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

export async function runCameraChromium(): Promise<void> {
  await buildIfStale();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-camera-'));
  const backEnd = await startFakeIdentify(() => ({ status: 200, json: MEMBER_ANSWER }));
  try {
    const empty = path.join(dir, 'empty.y4m');
    await writeY4m(empty, 1280, 720, 30, (function* () {
      for (let i = 0; i < 60; i++) yield sceneFrame(1280, 720, 6, i + 1);
    })());

    const shown = await cameraOnlyPage();
    const baseline = await measureCpu(empty, path.join(dir, 'profile-a'), async (page) => void (await page.goto(shown.url)));
    shown.close();
    const shell = await startWebShell({ config: { identify: { baseUrl: backEnd.baseUrl, token: 't' }, scanners: { camera: { fps: 10 } } } });
    const scanning = await measureCpu(empty, path.join(dir, 'profile-b'), async (page) => {
      await page.goto(shell.url);
      await page.getByTestId('camera-preview').waitFor();
    });
    await shell.stop();
    console.log(`Chromium CPU over ${CPU_SECONDS} s, 720p fake camera, empty scene: camera shown only ${baseline.toFixed(1)}% of a core; kiosk scanning at 10 fps ${scanning.toFixed(1)}% (ratio ${(scanning / baseline).toFixed(2)}, target ≤ 1.0)`);

    const withCode = path.join(dir, 'code.y4m');
    await writeY4m(withCode, 1280, 720, 10, (function* () {
      for (let i = 0; i < BLANK_S * 10; i++) yield sceneFrame(1280, 720, 6, i + 1);
      for (let i = 0; i < 30; i++) yield qrFrame('4711fc2a-3a8f-414f-a9e7-44dd5231dca7', { width: 1280, height: 720, modulePx: 8, noise: 6, seed: 50 + i });
    })());
    const latencies: number[] = [];
    for (let run = 0; run < LATENCY_RUNS; run++) {
      const kiosk = await startWebShell({ config: { identify: { baseUrl: backEnd.baseUrl, token: 't' }, scanners: { camera: { fps: 10 } } } });
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${withCode}`],
      });
      try {
        const page = await browser.newPage();
        await page.goto(kiosk.url);
        await page.locator('[data-screen="member"]').waitFor({ timeout: 15_000 });
        const times = (event: RegExp) => kiosk.output().split('\n').filter((line) => event.test(line)).map((line) => Date.parse((JSON.parse(line) as { time: string }).time));
        const running = times(/"event":"camera-state","state":"running"/)[0];
        const identified = times(/"type":"identified"/)[0];
        if (running !== undefined && identified !== undefined) latencies.push(identified - (running + BLANK_S * 1000));
      } finally {
        await browser.close();
        await kiosk.stop();
      }
    }
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.min(latencies.length - 1, Math.ceil(0.95 * latencies.length) - 1)];
    console.log(`Code in the stream → member outcome, ${latencies.length} runs, zero-latency back end: median ${latencies[Math.floor(latencies.length / 2)]} ms, p95 ${p95} ms (target ≤ 400)`);
  } finally {
    await backEnd.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
