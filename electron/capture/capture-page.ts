/**
 * The hidden capture page: opens the configured camera, takes frames at `fps` with
 * MediaStreamTrackProcessor (no canvas, no <video>: measured near-free at 10 fps), copies each
 * frame's luma plane and hands it to the worker. Only decoded text, the camera's state and a
 * small preview go to main. A camera that is missing, busy or unplugged is retried with backoff.
 */
import type { CameraSettings, CaptureApi } from '../shared/contract';
import type { FrameMessage, WorkerAnswer } from './capture-messages';

declare global {
  interface Window {
    kioskCapture?: CaptureApi;
  }
  // Chromium's insertable streams (not yet in TypeScript's DOM library).
  class MediaStreamTrackProcessor {
    constructor(init: { track: MediaStreamTrack; maxBufferSize?: number });
    readonly readable: ReadableStream<VideoFrame>;
  }
}

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;
/** The backoff starts over only once a camera has delivered frames this long (no flapping). */
const HEALTHY_AFTER_MS = 30_000;
/** Planar 8-bit formats whose first plane is luma (10/12-bit ones are not 8-bit bytes). */
const PLANAR_8_BIT = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);

const api = window.kioskCapture;
const worker = new Worker('./capture-worker.js');
let settings: CameraSettings | null = null;
let stream: MediaStream | null = null;
let generation = 0;
let retryMs = RETRY_MIN_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let healthyTimer: ReturnType<typeof setTimeout> | undefined;
let starting = false;
let workerBusy = false;

// A worker that failed on a frame must not leave the loop waiting for an answer forever.
worker.onerror = () => {
  workerBusy = false;
};
worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
  workerBusy = false;
  if (event.data.text) void api?.decoded(event.data.text).catch(() => undefined);
  if (event.data.preview) void api?.preview(event.data.preview).catch(() => undefined);
};

async function start(): Promise<void> {
  stop();
  const mine = ++generation;
  if (!api || !settings) return;
  if (!settings.enabled) return void api.cameraState({ state: 'off', detail: null });
  void api.cameraState({ state: 'starting', detail: null });
  let opened: MediaStream;
  starting = true;
  try {
    opened = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        ...(settings.deviceId ? { deviceId: { exact: settings.deviceId } } : {}),
        width: { ideal: 1280 },
        height: { ideal: 720 },
        frameRate: { ideal: settings.fps },
      },
    });
  } catch (error) {
    return unavailable(mine, (error as DOMException).name || 'Error');
  } finally {
    starting = false;
  }
  // A newer start (settings changed, device plugged in) superseded this one while it waited.
  if (mine !== generation) return opened.getTracks().forEach((track) => track.stop());
  stream = opened;
  const [track] = opened.getVideoTracks();
  if (!track) return unavailable(mine, 'NoVideoTrack');
  track.addEventListener('ended', () => unavailable(mine, 'Ended')); // unplugged
  void api.cameraState({ state: 'running', detail: null });
  void reportDevices();
  healthyTimer = setTimeout(() => (retryMs = RETRY_MIN_MS), HEALTHY_AFTER_MS);
  void pump(track, mine, settings.fps).then(() => unavailable(mine, 'FramesStopped'));
}

/** Reads frames as they come, keeps one per 1/fps while the worker is free, closes the rest. */
async function pump(track: MediaStreamTrack, mine: number, fps: number): Promise<void> {
  const reader = new MediaStreamTrackProcessor({ track, maxBufferSize: 1 }).readable.getReader();
  const interval = 1000 / fps;
  let nextAt = 0;
  while (mine === generation) {
    const { value: frame, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done || !frame) break;
    const now = performance.now();
    if (workerBusy || now < nextAt) {
      frame.close();
      continue;
    }
    nextAt = now + interval;
    try {
      await sendToWorker(frame);
    } catch {
      workerBusy = false; // one frame that cannot be copied is skipped, not the end of scanning
    } finally {
      frame.close();
    }
  }
  reader.releaseLock();
}

async function sendToWorker(frame: VideoFrame): Promise<void> {
  const rect = frame.visibleRect ?? { x: 0, y: 0, width: frame.codedWidth, height: frame.codedHeight };
  const buffer = new ArrayBuffer(frame.allocationSize());
  const layout = await frame.copyTo(buffer);
  const planar = frame.format !== null && PLANAR_8_BIT.has(frame.format);
  const first = layout[0] ?? { offset: 0, stride: rect.width * 4 };
  const message: FrameMessage = { buffer, offset: first.offset, stride: first.stride, width: rect.width, height: rect.height, planar };
  workerBusy = true;
  worker.postMessage(message, [buffer]);
}

/** Reports the camera gone and schedules a retry; a no-op for a superseded start. */
function unavailable(mine: number, detail: string): void {
  if (mine !== generation) return;
  generation++; // ends this start's frame loop
  stop();
  void api?.cameraState({ state: 'unavailable', detail: detail.slice(0, 120) });
  retryTimer = setTimeout(() => void start(), retryMs);
  retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
}

function stop(): void {
  clearTimeout(retryTimer);
  clearTimeout(healthyTimer);
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
}

/** New settings reopen the camera; the same ones again (main repeats them when the bridge
 * reconnects, and the first answer may cross the first push) change nothing. */
function applySettings(next: CameraSettings): void {
  if ((stream || starting) && JSON.stringify(next) === JSON.stringify(settings)) return;
  settings = next;
  retryMs = RETRY_MIN_MS;
  void start();
}

function loadSettings(): void {
  api?.cameraSettings().then(applySettings, () => setTimeout(loadSettings, RETRY_MIN_MS)); // main not reachable yet
}

if (api) {
  api.onCameraSettings(applySettings);
  // A camera plugged in while we wait: try at once rather than at the next backoff step.
  navigator.mediaDevices?.addEventListener('devicechange', () => {
    if (!stream && !starting && settings?.enabled) void start();
  });
  loadSettings();
}

/** Tells main which cameras there are, for staff to pick one (labels are known once one is open). */
async function reportDevices(): Promise<void> {
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  const cameras = devices
    .filter((device) => device.kind === 'videoinput' && device.deviceId)
    .slice(0, 16)
    .map((device, index) => ({ deviceId: device.deviceId.slice(0, 512), label: (device.label || `Camera ${index + 1}`).slice(0, 200) }));
  await api?.cameraDevices(cameras).catch(() => undefined);
}
