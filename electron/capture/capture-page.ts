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

const api = window.kioskCapture;
const worker = new Worker('./capture-worker.js');
let settings: CameraSettings | null = null;
let stream: MediaStream | null = null;
let generation = 0;
let retryMs = RETRY_MIN_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let workerBusy = false;

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
  try {
    stream = await navigator.mediaDevices.getUserMedia({
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
  }
  if (mine !== generation) return stream.getTracks().forEach((track) => track.stop());
  const [track] = stream.getVideoTracks();
  if (!track) return unavailable(mine, 'NoVideoTrack');
  track.addEventListener('ended', () => unavailable(mine, 'Ended')); // unplugged
  void api.cameraState({ state: 'running', detail: null });
  retryMs = RETRY_MIN_MS;
  void pump(track, mine, settings.fps);
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
  const planar = frame.format !== null && /^(I4|NV)/.test(frame.format);
  const first = layout[0] ?? { offset: 0, stride: rect.width * 4 };
  const message: FrameMessage = { buffer, offset: first.offset, stride: first.stride, width: rect.width, height: rect.height, planar };
  workerBusy = true;
  worker.postMessage(message, [buffer]);
}

function unavailable(mine: number, detail: string): void {
  if (mine !== generation) return;
  stop();
  void api?.cameraState({ state: 'unavailable', detail: detail.slice(0, 120) });
  retryTimer = setTimeout(() => void start(), retryMs);
  retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
}

function stop(): void {
  clearTimeout(retryTimer);
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
}

if (api) {
  api.onCameraSettings((next) => {
    settings = next;
    retryMs = RETRY_MIN_MS;
    void start();
  });
  // A camera plugged in while we wait: try at once rather than at the next backoff step.
  navigator.mediaDevices?.addEventListener('devicechange', () => {
    if (!stream) void start();
  });
  void api.cameraSettings().then((initial) => {
    settings = initial;
    void start();
  });
}
