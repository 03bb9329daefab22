/**
 * The hidden capture page: opens the configured camera, sets it for phone screens
 * (camera-tuning.ts), and hands its frames, as the readable stream of a
 * MediaStreamTrackProcessor (no canvas, no <video>), to the worker, which does all the rest off
 * this thread (in the web shell, the customer UI's thread). Only decoded text, "a code seen but
 * not read", the camera's state and tuning and a small preview go to main. A camera that is
 * missing, busy or unplugged is retried with backoff.
 */
import type { CameraSettings, CaptureApi } from '../shared/contract';
import { isSameValue } from '../shared/same-value';
import type { PageMessage, WorkerMessage } from './capture-messages';
import { initialVideoConstraints, tuneCamera, type TunableTrack } from './camera-tuning';

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

const api = window.kioskCapture;
/**
 * Made when a camera first opens, not when the page loads: the worker is ZXing-C++'s 1 MB of
 * WebAssembly to compile, work (and memory) wasted on a kiosk without a camera or with the camera
 * turned off, and in the web shell on the customer UI's thread. It compiles while the camera is
 * tuned; frames handed to it before it is ready wait in its queue.
 */
let worker: Worker | null = null;
let settings: CameraSettings | null = null;
let stream: MediaStream | null = null;
let generation = 0;
let retryMs = RETRY_MIN_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let healthyTimer: ReturnType<typeof setTimeout> | undefined;
let starting = false;
/** Set when the worker decodes with @zxing/library alone: reported with the camera's state. */
let degraded: string | null = null;

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker('./capture-worker.js');
    worker.onmessage = fromWorker;
  }
  return worker;
}
const toWorker = (message: PageMessage, transfer: Transferable[] = []): void => ensureWorker().postMessage(message, transfer);
function fromWorker(event: MessageEvent<WorkerMessage>): void {
  const message = event.data;
  if (message.type === 'decoded') void api?.decoded(message.text).catch(() => undefined);
  else if (message.type === 'preview') void api?.preview(message.jpeg).catch(() => undefined);
  else if (message.type === 'decode-times') void api?.decodeTimes(message.seconds).catch(() => undefined);
  else if (message.type === 'frames') void api?.frames(message.count).catch(() => undefined);
  else if (message.type === 'unread') void api?.codeUnread(message.seen).catch(() => undefined);
  else if (message.type === 'ended') unavailable(message.generation, 'FramesStopped');
  else if (message.type === 'decoder-degraded') {
    degraded = message.detail;
    if (stream) void api?.cameraState({ state: 'running', detail: degraded });
  }
}

async function start(): Promise<void> {
  stop();
  const mine = ++generation;
  if (!api || !settings) return;
  if (!settings.enabled) return void api.cameraState({ state: 'off', detail: null });
  void api.cameraState({ state: 'starting', detail: null });
  let opened: MediaStream;
  starting = true;
  try {
    opened = await navigator.mediaDevices.getUserMedia({ audio: false, video: initialVideoConstraints(settings.deviceId, settings.fps) });
  } catch (error) {
    return unavailable(mine, (error as DOMException).name || 'Error');
  } finally {
    starting = false;
  }
  // A newer start (settings changed, device plugged in) superseded this one while it waited.
  if (mine !== generation) return opened.getTracks().forEach((track) => track.stop());
  stream = opened;
  ensureWorker();
  const [track] = opened.getVideoTracks();
  if (!track) return unavailable(mine, 'NoVideoTrack');
  track.addEventListener('ended', () => unavailable(mine, 'Ended')); // unplugged
  // Before the first frame is read: a new mode mid-stream would change the frames' size.
  const tuning = await tuneCamera(track as unknown as TunableTrack, { fps: settings.fps, focusDistance: settings.focusDistance });
  if (mine !== generation) return;
  void api.cameraState({ state: 'running', detail: degraded });
  void api.cameraTuning(tuning).catch(() => undefined);
  void reportDevices();
  healthyTimer = setTimeout(() => (retryMs = RETRY_MIN_MS), HEALTHY_AFTER_MS);
  // Handed over, the processor's source moves to the worker's thread (Chromium): frames never
  // pass through this one. At most one frame waits; older ones are dropped, not queued.
  const { readable } = new MediaStreamTrackProcessor({ track, maxBufferSize: 1 });
  toWorker({ type: 'frames', readable, fps: settings.fps, generation: mine }, [readable]);
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
  if (stream) toWorker({ type: 'stop' });
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
}

/** New settings reopen the camera; the same ones again (main repeats them when the bridge
 * reconnects, and the first answer may cross the first push) change nothing. */
function applySettings(next: CameraSettings): void {
  if ((stream || starting) && isSameValue(next, settings)) return;
  settings = next;
  retryMs = RETRY_MIN_MS;
  void start();
}

function loadSettings(): void {
  api?.cameraSettings().then(applySettings, () => setTimeout(loadSettings, RETRY_MIN_MS)); // main not reachable yet
}

if (api) {
  api.onCameraSettings(applySettings);
  // Main saw no frame for 10 s (a camera that went silent, a worker stuck in a decode): start
  // over as a fresh page, which ends the camera, the stream and the worker with this one.
  api.onCameraRestart(() => {
    stop();
    location.reload();
  });
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
