/**
 * How quickly the kiosk starts, in the web shell:
 * - the core: from spawning `node dist/web/web-shell.mjs` (what `npm run start:web` runs) to its
 *   first answer (the UI's HTML), and the CPU time it used until then (what a busy machine
 *   cannot inflate);
 * - a new tab: from opening a tab on the kiosk's address to `data-screen="ready"`, against a
 *   blank page served by the same server and opened the same way (its 404 text at `/`, up to its
 *   load event), in the same run, taking turns. Once as a new tab of a browser that had the
 *   kiosk open before (its cache warm, as at a counter), once in a new profile (nothing
 *   cached). Both pages signal the same way (an init script calling a binding), so both pay
 *   the same for being watched. Chromium has a fake camera, so each tab's camera starts as it
 *   would at a counter; when it came up relative to `ready` is read from the kiosk's log.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/helpers/chromium';
import { startWebShell, type WebShell } from '../../test/helpers/web-shell';
import { buildIfStale } from '../build';

const CORE_RUNS = Number(process.env.BENCH_CORE_RUNS ?? 7);
const TAB_RUNS = Number(process.env.BENCH_TAB_RUNS ?? 9);
const TICKS_PER_SECOND = 100; // Linux USER_HZ

// A string, not a function: tsx's compiled functions call a helper the page does not have.
// The blank page (the server's 404 at `/`) signals at its load event, the kiosk when it shows `ready`.
const MARK = `
  const mark = () => window.benchMark(performance.now());
  if (location.pathname === '/') window.addEventListener('load', mark, { once: true });
  else if (window === top) {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-screen="ready"]')) return;
      observer.disconnect();
      mark();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
  }`;

interface TabTiming {
  /** From opening the tab, on this process's clock. */
  ms: number;
  /** From the page's navigation start, on its own clock. */
  inPageMs: number;
  /** When it was signalled (epoch ms). */
  at: number;
}

interface TabFigures {
  readyMs: number;
  blankMs: number;
  readyInPageMs: number;
  blankInPageMs: number;
  cameraAfterReadyMs: number;
}

export interface StartUpFigures {
  coreServesMs: number;
  coreCpuMs: number;
  /** What a new tab transfers (bodies and headers, as sent), camera included, nothing cached. */
  tabBytes: number;
  warm: TabFigures;
  fresh: TabFigures;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** CPU milliseconds a process has used (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

/** Spawn → the first answer to the UI's address, `CORE_RUNS` times. */
async function measureCore(): Promise<{ serves: number; cpu: number }> {
  const serves: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < CORE_RUNS; run++) {
    const started = performance.now();
    const shell = await startWebShell();
    const answer = await fetch(shell.url);
    await answer.arrayBuffer();
    serves.push(performance.now() - started);
    if (shell.process.pid !== undefined) cpu.push(cpuMs(shell.process.pid));
    await shell.stop();
    if (answer.status !== 200) throw new Error(`the web shell answered ${answer.status}`);
  }
  return { serves: median(serves), cpu: median(cpu) };
}

/** A browser context whose pages tell when they are done (see MARK). */
async function watchedContext(browser: Browser): Promise<{ context: BrowserContext; marked(page: Page): Promise<number> }> {
  const context = await browser.newContext();
  const waiting = new Map<Page, (inPage: number) => void>();
  await context.exposeBinding('benchMark', (source, inPage: number) => waiting.get(source.page)?.(inPage));
  await context.addInitScript(MARK);
  return { context, marked: (page) => new Promise<number>((resolve) => waiting.set(page, resolve)) };
}

/** Opens a tab on `url` in `fresh` or the shared context, times it to its mark; `after` runs untimed before it closes. */
async function timeTab(browser: Browser, shared: Awaited<ReturnType<typeof watchedContext>>, fresh: boolean, url: string, after?: (page: Page) => Promise<unknown>): Promise<TabTiming> {
  const watched = fresh ? await watchedContext(browser) : shared;
  try {
    const started = performance.now();
    const page = await watched.context.newPage();
    const marked = watched.marked(page);
    await page.goto(url, { waitUntil: 'commit' });
    const inPage = await marked;
    const timing = { ms: performance.now() - started, inPageMs: inPage, at: Date.now() };
    await after?.(page);
    await page.close();
    return timing;
  } finally {
    if (fresh) await watched.context.close();
  }
}

/** When the log says the camera came up, after `since` (epoch ms). */
function cameraRunningAfter(shell: WebShell, since: number): number | undefined {
  return shell
    .output()
    .split('\n')
    .filter((line) => line.includes('"event":"camera-state"') && line.includes('"state":"running"'))
    .map((line) => Date.parse((JSON.parse(line) as { time: string }).time))
    .find((time) => time >= since);
}

async function measureTabs(browser: Browser, shell: WebShell, fresh: boolean): Promise<TabFigures> {
  const shared = await watchedContext(browser);
  const blankUrl = new URL('/', shell.url).href;
  const ready: TabTiming[] = [];
  const blank: TabTiming[] = [];
  const cameraAfterReady: number[] = [];
  try {
    // One of each first, untimed: Chromium's own first-use costs are nobody's (and the shared profile has seen the kiosk).
    await timeTab(browser, shared, fresh, shell.url);
    await timeTab(browser, shared, fresh, blankUrl);
    for (let run = 0; run < TAB_RUNS; run++) {
      const opened = Date.now();
      const tab = await timeTab(browser, shared, fresh, shell.url, async (page) => {
        // Hold the tab until the camera is up, so its time can be read against `ready`.
        const until = Date.now() + 5000;
        while (cameraRunningAfter(shell, opened) === undefined && Date.now() < until) await page.waitForTimeout(20);
      });
      ready.push(tab);
      const camera = cameraRunningAfter(shell, opened);
      if (camera !== undefined) cameraAfterReady.push(camera - tab.at);
      blank.push(await timeTab(browser, shared, fresh, blankUrl));
    }
  } finally {
    await shared.context.close();
  }
  return {
    readyMs: median(ready.map((tab) => tab.ms)),
    blankMs: median(blank.map((tab) => tab.ms)),
    readyInPageMs: median(ready.map((tab) => tab.inPageMs)),
    blankInPageMs: median(blank.map((tab) => tab.inPageMs)),
    cameraAfterReadyMs: median(cameraAfterReady),
  };
}

/**
 * Bytes a new tab with nothing cached transfers until its camera is up: its page and the capture
 * frame as Chromium reports them, and the capture worker's script (Chromium does not report a
 * dedicated worker's own script to the page) as the server sends it to Chromium.
 */
async function measureWeight(browser: Browser, shell: WebShell): Promise<{ bytes: number; requests: number; largest: string }> {
  const context = await browser.newContext();
  const sizes = new Map<string, number>();
  try {
    const page = await context.newPage();
    const settled: Array<Promise<void>> = [];
    page.on('requestfinished', (request) =>
      settled.push(request.sizes().then((size) => void sizes.set(request.url(), size.responseBodySize + size.responseHeadersSize))),
    );
    page.on('worker', (worker) =>
      settled.push(
        fetch(worker.url(), { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }).then(async (answer) => {
          const body = await answer.arrayBuffer(); // Node's fetch hands back the decoded body: take the length it was sent with
          sizes.set(worker.url(), Number(answer.headers.get('content-length') ?? body.byteLength));
        }),
      ),
    );
    const opened = Date.now();
    await page.goto(shell.url);
    await page.locator('[data-screen="ready"]').waitFor();
    const until = Date.now() + 5000;
    while (cameraRunningAfter(shell, opened) === undefined && Date.now() < until) await page.waitForTimeout(20);
    await page.waitForTimeout(500);
    await Promise.all(settled);
  } finally {
    await context.close();
  }
  const byName = [...sizes].map(([url, bytes]) => [new URL(url).pathname.split('/').pop() ?? url, bytes] as const).sort((a, b) => b[1] - a[1]);
  return {
    bytes: byName.reduce((sum, [, bytes]) => sum + bytes, 0),
    requests: byName.length,
    largest: byName.slice(0, 4).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`).join(', '),
  };
}

function describeTabs(title: string, figures: TabFigures): string {
  return (
    `${title}, ${TAB_RUNS} runs: ready median ${figures.readyMs.toFixed(0)} ms, blank page ${figures.blankMs.toFixed(0)} ms ` +
    `(ratio ${(figures.readyMs / figures.blankMs).toFixed(1)}, target ≤ 3); from navigation start, in the page: ready ${figures.readyInPageMs.toFixed(0)} ms, ` +
    `blank loaded ${figures.blankInPageMs.toFixed(0)} ms; camera running ${figures.cameraAfterReadyMs.toFixed(0)} ms after ready (median)`
  );
}

export async function runStartUp(): Promise<StartUpFigures> {
  await buildIfStale();
  const core = await measureCore();
  console.log(`Web shell start, ${CORE_RUNS} runs: spawn → first answer median ${core.serves.toFixed(0)} ms (target ≤ 500), ${core.cpu.toFixed(0)} ms of CPU`);
  const shell = await startWebShell({ config: { scanners: { camera: { fps: 10 } } } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  try {
    const weight = await measureWeight(browser, shell);
    console.log(`New tab, nothing cached, until the camera is up: ${(weight.bytes / 1024).toFixed(0)} KB in ${weight.requests} requests (largest: ${weight.largest})`);
    const warm = await measureTabs(browser, shell, false);
    console.log(describeTabs('New tab → ready (a browser that had the kiosk open)', warm));
    const fresh = await measureTabs(browser, shell, true);
    console.log(describeTabs('New tab → ready (a new profile, nothing cached)', fresh));
    return { coreServesMs: core.serves, coreCpuMs: core.cpu, tabBytes: weight.bytes, warm, fresh };
  } finally {
    await browser.close();
    await shell.stop();
  }
}
