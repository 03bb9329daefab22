/**
 * The frame heartbeat (fake timers): a camera whose frames stop for 10 s while it runs (30 s while
 * it opens) is a stall: counted once, logged, its state says so, the shell is told to restart the capture page,
 * and the next stall needs another 10 s. Silence is expected while the camera is disabled, off or
 * retrying after an error the page reported. The count reaches the metrics and the staff view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigSchema, type KioskConfig } from '../../electron/core/config/config-schema';
import { KioskMetrics } from '../../electron/core/metrics/kiosk-metrics';
import { createCamera, STALL_DETAIL } from '../../electron/core/parts/camera';

function camera(raw: unknown = {}) {
  let config: KioskConfig = ConfigSchema.parse(raw);
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const stalled = vi.fn();
  const part = createCamera({ config: () => config, scan: () => undefined, log, stalled, now: () => Date.now() });
  const restarts = vi.fn();
  part.onStall(restarts);
  parts.push(part);
  return { part, log, stalled, restarts, reconfigure: (next: unknown) => void (config = ConfigSchema.parse(next)) };
}

const parts: Array<{ stop?(): unknown }> = [];
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  for (const part of parts.splice(0)) part.stop?.();
  vi.useRealTimers();
});

/** The worker's heartbeat: a count every 2 s for `seconds`. */
function framesFor(part: ReturnType<typeof camera>['part'], seconds: number) {
  for (let elapsed = 0; elapsed < seconds; elapsed += 2) {
    vi.advanceTimersByTime(2000);
    part.frames(20);
  }
}

describe('the frame stall watch', () => {
  it('never fires while frames keep arriving, a minute long', () => {
    const { part, restarts } = camera();
    part.feed.setState({ state: 'running', detail: null });
    framesFor(part, 60);
    expect(restarts).not.toHaveBeenCalled();
    expect(part.stalls()).toEqual({ count: 0, lastAt: null });
  });

  it('fires once 10 s after the last frame, not at 9 s: counted, logged, told to the shell, and the state says why', () => {
    const { part, log, stalled, restarts } = camera();
    part.feed.setState({ state: 'running', detail: null });
    framesFor(part, 6);
    vi.advanceTimersByTime(9000);
    expect(restarts).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(restarts).toHaveBeenCalledTimes(1);
    expect(stalled).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith('camera-stalled', expect.objectContaining({ silentSeconds: 10, stalls: 1 }));
    expect(part.feed.state()).toEqual({ state: 'unavailable', detail: STALL_DETAIL });
    expect(part.stalls()).toEqual({ count: 1, lastAt: expect.any(String) });
    // Unavailable: the restart is under way, and silence is expected until the page opens the camera again.
    vi.advanceTimersByTime(30_000);
    expect(restarts).toHaveBeenCalledTimes(1);
  });

  it('gives the restarted page a whole 10 s: a camera that opens and stays silent stalls again, then recovers', () => {
    const { part, restarts } = camera();
    part.feed.setState({ state: 'running', detail: null });
    vi.advanceTimersByTime(10_000);
    expect(restarts).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    part.feed.setState({ state: 'starting', detail: null }); // the reloaded page
    vi.advanceTimersByTime(12_000); // a slow open under load: no stall yet
    expect(restarts).toHaveBeenCalledTimes(1);
    part.feed.setState({ state: 'running', detail: null });
    vi.advanceTimersByTime(9000);
    expect(restarts).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000); // silence is measured every second: seen within one of its 10 s
    expect(restarts).toHaveBeenCalledTimes(2);
    expect(part.stalls().count).toBe(2);
    part.feed.setState({ state: 'running', detail: null });
    framesFor(part, 30);
    expect(restarts).toHaveBeenCalledTimes(2);
  });

  it('gives a camera that is opening 30 s (a slow first open is no hang), and counts one stuck longer (a getUserMedia that never settles)', () => {
    const { part, restarts, log } = camera();
    part.feed.setState({ state: 'starting', detail: null });
    vi.advanceTimersByTime(29_000);
    expect(restarts).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(restarts).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith('camera-stalled', expect.objectContaining({ silentSeconds: 30 }));
  });

  it('stays quiet while the camera is off, disabled, or retrying after an error the page reported', () => {
    const { part, restarts, reconfigure } = camera();
    vi.advanceTimersByTime(60_000); // off: no capture page has reported yet
    part.feed.setState({ state: 'unavailable', detail: 'NotFoundError' });
    vi.advanceTimersByTime(60_000);
    part.feed.setState({ state: 'running', detail: null });
    reconfigure({ scanners: { camera: { enabled: false } } });
    vi.advanceTimersByTime(60_000);
    expect(restarts).not.toHaveBeenCalled();
    // Enabled again: its 10 s start from there, not from the last frame a minute ago.
    reconfigure({});
    vi.advanceTimersByTime(5000);
    expect(restarts).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5000);
    expect(restarts).toHaveBeenCalledTimes(1);
  });

  it('ignores an empty heartbeat (it is no frame), and stops with the part', () => {
    const { part, restarts } = camera();
    part.feed.setState({ state: 'running', detail: null });
    for (let second = 0; second < 10; second += 2) {
      vi.advanceTimersByTime(2000);
      part.frames(0);
    }
    expect(restarts).toHaveBeenCalledTimes(1);
    part.stop?.();
    vi.advanceTimersByTime(60_000);
    expect(restarts).toHaveBeenCalledTimes(1);
  });
});

describe('the metrics of the Electron shell and the camera', () => {
  const sources = { kiosk: () => ({ storeId: '1', terminalId: '2', configValid: true }), scannersUp: () => ({}), handoff: () => ({ pending: 0, oldestPendingSeconds: 0, delivered: 0, rejected: 0, expired: 0, dropped: 0 }) };

  it('kiosk_camera_stalls_total counts from 0; kiosk_display_up is 1 on its screen, 0 while waiting, absent in the web shell (which places no window)', async () => {
    let display: { up: boolean } | null = { up: true };
    const metrics = new KioskMetrics({ name: 'Counter Loyalty Kiosk', version: '1.0.0' }, { ...sources, display: () => display });
    expect(await metrics.scrape()).toMatch(/^kiosk_camera_stalls_total 0$/m);
    metrics.cameraStalled();
    const scraped = await metrics.scrape();
    expect(scraped).toMatch(/^kiosk_camera_stalls_total 1$/m);
    expect(scraped).toMatch(/^kiosk_display_up 1$/m);
    display = { up: false };
    expect(await metrics.scrape()).toMatch(/^kiosk_display_up 0$/m);
    const webShell = new KioskMetrics({ name: 'Counter Loyalty Kiosk', version: '1.0.0' }, sources);
    expect(await webShell.scrape()).not.toMatch(/kiosk_display_up/);
    await Promise.all([metrics.shutdown(), webShell.shutdown()]);
  });
});
