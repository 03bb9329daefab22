/**
 * The kiosk's metrics, recorded once with OpenTelemetry's SDK and read two ways: scraped in
 * Prometheus' text format (telemetry.prometheus) and pushed over OTLP/HTTP (telemetry.otlp).
 * Every label holds a value from a short fixed list, or the kiosk's own store and terminal:
 * never a code, a name or a phone number.
 */
import os from 'node:os';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ScannerKind } from '../../shared/scanner-state';
import type { ServiceProblemReason } from '../../shared/session-view';
import type { Product } from '../product';
import { screenOfOutcome, type ResultScreen } from '../session/result-screen';
import type { SessionEvent } from '../session/session-machine';
import type { FleetRefusal } from '../fleet/fleet-document';

/** What a scan led to: its result screen, or never a screen at all. */
export type ScanOutcome = ResultScreen | 'rejected' | 'ignored' | 'voided';
export type BackEndErrorKind = 'timeout' | 'network' | 'server' | 'credentials' | 'bad_answer';
/** Electron's self-update: `pending` from the moment a newer version is known until the kiosk restarts into it. */
export type UpdateState = 'off' | 'current' | 'checking' | 'pending' | 'error';
export const UPDATE_STATES: readonly UpdateState[] = ['off', 'current', 'checking', 'pending', 'error'];

/** What the kiosk's parts say of themselves when the metrics are read. */
export interface MetricSources {
  kiosk(): { storeId: string; terminalId: string; configValid: boolean };
  /** 1 up, 0 down, for each scanner that is configured. */
  scannersUp(): Partial<Record<ScannerKind, boolean>>;
  handoff(): { pending: number; oldestPendingSeconds: number; delivered: number; rejected: number; expired: number; dropped: number };
  /** The serial of the fleet configuration in force; null: none. */
  fleetSerial?(): number | null;
  /** Electron only: whether the kiosk window is on its configured screen (false: waiting for it); null in the web shell. */
  display?(): { up: boolean } | null;
}

const PROBLEM_KIND: Record<ServiceProblemReason, BackEndErrorKind> = { timeout: 'timeout', unreachable: 'network', serverError: 'server', badAnswer: 'bad_answer' };

export class KioskMetrics {
  /** A pull reader: the kiosk serves the text itself, behind its token (prometheus-endpoint.ts). */
  private readonly exporter = new PrometheusExporter({ preventServerStart: true });
  /** No target_info and no scope labels: the kiosk's own labels are all a scrape carries. */
  private readonly serializer = new PrometheusSerializer(undefined, false, undefined, true, true);
  private readonly provider: MeterProvider;
  private readonly scans;
  private readonly identifyDuration;
  private readonly backEndErrors;
  private readonly decodeDuration;
  private readonly checkIns;
  private readonly uiCrashes;
  private readonly staffPinFailures;
  private readonly fleetRefusals;
  private readonly cameraStalls;
  private readonly keypadRests;
  private updateState: UpdateState | null = null;
  private pendingRelease: Date | null = null;

  /**
   * @param instance which kiosk PC this is, for OTLP (`service.instance.id`, which Prometheus'
   * OTLP receiver makes the `instance` label): its host name, as the README's scrape set-up
   * names a scraped kiosk, so that hundreds of kiosks are hundreds of series, whichever way out.
   */
  constructor(product: Product, sources: MetricSources, startedAt = Date.now(), instance = os.hostname()) {
    this.provider = new MeterProvider({
      resource: resourceFromAttributes({ 'service.name': 'counter-loyalty-kiosk', 'service.version': product.version, 'service.instance.id': instance, 'host.name': instance }),
      readers: [this.exporter],
    });
    const meter = this.provider.getMeter('counter-loyalty-kiosk', product.version);
    this.scans = meter.createCounter('kiosk_scans', { description: 'Scans by scanner and by the screen they led to (rejected: not a loyalty code; ignored: staff mode, out of order, or a typed code while the keypad rests or is off; voided: a wedge burst thrown away)' });
    this.identifyDuration = meter.createHistogram('kiosk_identify_duration_seconds', {
      description: 'From a scan to its result screen (the deadline included)',
      advice: { explicitBucketBoundaries: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] },
    });
    this.backEndErrors = meter.createCounter('kiosk_backend_errors', { description: 'Loyalty and Vipps exchange calls that failed, by kind (check-ins: kiosk_vipps_check_ins_total)' });
    this.decodeDuration = meter.createHistogram('kiosk_camera_decode_seconds', {
      description: 'Time the capture worker spent on each camera frame it decoded',
      advice: { explicitBucketBoundaries: [0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16] },
    });
    this.checkIns = meter.createCounter('kiosk_vipps_check_ins', { description: 'Vipps check-ins by result (sent; failed after its retries; skipped: a number outside Norway, which the Check-in API does not take)' });
    this.uiCrashes = meter.createCounter('kiosk_ui_crashes', { description: "Customer screen crashes or hangs (Electron), and render errors the page's error boundary caught (both shells)" });
    this.uiCrashes.add(0);
    this.staffPinFailures = meter.createCounter('kiosk_staff_pin_failures', { description: 'Staff PINs refused: wrong, or tried while staff mode was locked' });
    for (const reason of ['wrong', 'locked']) this.staffPinFailures.add(0, { reason });
    this.fleetRefusals = meter.createCounter('kiosk_fleet_config_refused', { description: 'Fleet configuration documents refused, by reason (unsigned, bad_signature, stale, invalid)' });
    meter.createObservableGauge('kiosk_fleet_config_serial', { description: 'The serial of the fleet configuration in force (absent while none is)' }).addCallback((result) => {
      const serial = sources.fleetSerial?.() ?? null;
      if (serial !== null) result.observe(serial);
    });
    this.cameraStalls = meter.createCounter('kiosk_camera_stalls', { description: 'Times no camera frame arrived for 10 s while the camera should run, and the capture page was restarted' });
    this.cameraStalls.add(0);
    this.keypadRests = meter.createCounter('kiosk_keypad_rests', { description: 'Rests of the typed-code keypad after too many wrong typed codes (scans still work meanwhile)' });
    this.keypadRests.add(0);

    meter.createObservableGauge('kiosk_info', { description: 'The kiosk: 1, labelled with its version, store and terminal' }).addCallback((result) => {
      const { storeId, terminalId } = sources.kiosk();
      result.observe(1, { version: product.version, store_id: storeId, terminal_id: terminalId });
    });
    meter.createObservableGauge('kiosk_start_time_seconds', { description: 'When the kiosk started (Unix time)' }).addCallback((result) => result.observe(startedAt / 1000));
    meter.createObservableGauge('kiosk_config_valid', { description: '1 while the configuration is valid' }).addCallback((result) => result.observe(sources.kiosk().configValid ? 1 : 0));
    meter.createObservableGauge('kiosk_scanner_up', { description: '1 while a configured scanner works (keyboard: enabled)' }).addCallback((result) => {
      for (const [scanner, up] of Object.entries(sources.scannersUp())) result.observe(up ? 1 : 0, { scanner });
    });
    meter.createObservableGauge('kiosk_display_up', { description: 'Electron: 1 while the kiosk window is on its configured screen, 0 while it waits for that screen (hidden, never on the till\'s)' }).addCallback((result) => {
      const display = sources.display?.();
      if (display) result.observe(display.up ? 1 : 0);
    });
    meter.createObservableGauge('kiosk_handoff_pending', { description: 'Identifications waiting for the till' }).addCallback((result) => result.observe(sources.handoff().pending));
    meter.createObservableGauge('kiosk_handoff_oldest_pending_seconds', { description: 'Age of the oldest identification waiting for the till' }).addCallback((result) => result.observe(sources.handoff().oldestPendingSeconds));
    meter.createObservableCounter('kiosk_handoff', { description: 'Identifications handed to the till, by result' }).addCallback((result) => {
      const handoff = sources.handoff();
      for (const outcome of ['delivered', 'rejected', 'expired', 'dropped'] as const) result.observe(handoff[outcome], { result: outcome });
    });
    meter.createObservableGauge('kiosk_update_state', { description: "Electron's self-update: 1 for the state it is in" }).addCallback((result) => {
      if (this.updateState) for (const state of UPDATE_STATES) result.observe(state === this.updateState ? 1 : 0, { state });
    });
    meter.createObservableGauge('kiosk_update_release_time_seconds', { description: 'When the newer version the kiosk found was published (Unix time); absent while it has found none' }).addCallback((result) => {
      if (this.pendingRelease) result.observe(this.pendingRelease.getTime() / 1000);
    });
  }

  /** A session's event: its scan, and how long and how well the identification went. */
  session(event: SessionEvent): void {
    if (event.type === 'unavailable') return this.scan(event.scanner, 'needsStaff');
    if (event.type === 'rejected') return this.scan(event.scanner, 'rejected');
    this.identifyDuration.record(event.ms / 1000);
    if (event.type === 'deadline') {
      this.backEndErrors.add(1, { kind: 'timeout' });
      return this.scan(event.scanner, 'serviceProblem');
    }
    if (event.outcome === 'credentialsRefused') this.backEndErrors.add(1, { kind: 'credentials' });
    if (event.problem) this.backEndErrors.add(1, { kind: PROBLEM_KIND[event.problem] });
    this.scan(event.scanner, screenOfOutcome(event.outcome, event.scanKind));
  }

  scan(scanner: ScannerKind, outcome: ScanOutcome): void {
    this.scans.add(1, { scanner, outcome });
  }

  decodeTimes(seconds: readonly number[]): void {
    for (const each of seconds) this.decodeDuration.record(each);
  }

  /** A staff PIN refused (someone may be guessing at the counter). */
  staffPinFailure(reason: 'wrong' | 'locked'): void {
    this.staffPinFailures.add(1, { reason });
  }

  /** `skipped`: a number the Check-in API does not take (outside Norway), never sent. */
  checkIn(result: 'sent' | 'failed' | 'skipped'): void {
    this.checkIns.add(1, { result });
  }

  keypadRest(): void {
    this.keypadRests.add(1);
  }

  uiCrashed(): void {
    this.uiCrashes.add(1);
  }

  cameraStalled(): void {
    this.cameraStalls.add(1);
  }

  setUpdateState(state: UpdateState): void {
    this.updateState = state;
  }

  /** The self-update's state, as the metric has it (null: not reported, e.g. in the web shell). */
  updateStateNow(): UpdateState | null {
    return this.updateState;
  }

  fleetRefused(reason: FleetRefusal): void {
    this.fleetRefusals.add(1, { reason });
  }

  setPendingRelease(publishedAt: Date): void {
    this.pendingRelease = publishedAt;
  }

  /** Prometheus' text format. */
  async scrape(): Promise<string> {
    const { resourceMetrics } = await this.exporter.collect();
    return this.serializer.serialize(resourceMetrics);
  }

  /** The same metrics, for an OTLP push. */
  async collect(): Promise<ResourceMetrics> {
    return (await this.exporter.collect()).resourceMetrics;
  }

  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}
