/**
 * The one owner of the customer session:
 * ready → identifying → member | notMember | codeProblem | serviceProblem | needsStaff → ready.
 *
 * - A new scan in any state starts a new identification; the previous one is aborted and its
 *   answer, should it still come, is dropped (each identification has its own sequence number).
 * - The same text scanned again within `duplicateWindowMs` of its last sighting is ignored:
 *   a code held in front of a camera is read many times a second.
 * - Each identification has a deadline; result screens count down to `ready`.
 * - Going back to `ready` drops every reference to the customer's data.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ScannerKind } from '../../shared/scanner-state';
import type { ServiceProblemReason, SessionView } from '../../shared/session-view';
import type { IdentifyOutcome } from '../identify/identify-outcome';
import { parseScan, type ParsedScan, type ScanRejection } from '../scan/parse-scan';
import { toMemberView, type Catalog } from './member-view';
import { ResultCountdown } from './result-countdown';
import { screenOfOutcome } from './result-screen';

export interface SessionSettings {
  idleResetSeconds: number;
  /** Hard stop for one identification of this kind of scan, whatever the clients do. */
  deadlineMs(scanKind: ParsedScan['kind']): number;
  duplicateWindowMs: number;
  catalog: Catalog;
  /** Origins of personal QR codes (parse-scan.ts); Vipps' own when not given. */
  personalQrOrigins?: readonly string[];
}

export interface SessionDeps {
  identify(scan: ParsedScan, signal: AbortSignal): Promise<IdentifyOutcome>;
  settings(): SessionSettings;
  now(): number;
  /** Told of every finished identification (for logs and, later, health counts); never of identifiers. */
  onOutcome?(event: SessionEvent): void;
  /**
   * Told of each identification whose result the customer now sees (never an abandoned one),
   * with what the back end said: for the till's hand-off, in main only.
   */
  onShown?(shown: { outcome: IdentifyOutcome; view: SessionView; scanKind: ParsedScan['kind'] }): void;
}

/** What became of a scan (a duplicate of the last one becomes nothing), and which scanner sent it. */
export type SessionEvent = { scanner: ScannerKind } & (
  | { type: 'rejected'; reason: ScanRejection }
  /** `problem`: why, for a serviceProblem outcome. */
  | { type: 'identified'; scanKind: ParsedScan['kind']; outcome: IdentifyOutcome['kind']; problem?: ServiceProblemReason; ms: number }
  | { type: 'deadline'; scanKind: ParsedScan['kind']; ms: number }
  /** The configuration is invalid: the scan met the needsStaff screen. */
  | { type: 'unavailable' }
);

type Listener = (view: SessionView) => void;

export class SessionMachine {
  private state: SessionView = { screen: 'ready' };
  private configProblem: string | null = null;
  private sequence = 0;
  private inFlight: AbortController | null = null;
  private deadlineTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly countdown = new ResultCountdown({ now: () => this.deps.now(), tick: () => this.publishResult(), end: () => this.reset() });
  /** The result on screen, without its countdown (published with it by `publishResult`). */
  private result: SessionView | null = null;
  /** Numbers each result shown, so the page tells a new result from a touch's extension. */
  private resultNumber = 0;
  /** A keyed digest of the last scan, never its text: main keeps no code after `ready`. */
  private lastScan: { digest: string; at: number } | null = null;
  private readonly scanKey = randomBytes(32);
  private readonly listeners = new Set<Listener>();

  constructor(private readonly deps: SessionDeps) {}

  view(): SessionView {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Handles text from any scanner. */
  scan(raw: string, scanner: ScannerKind = 'keyboard'): void {
    // A typed code is submitted on purpose, once: never "the same code seen again".
    if (scanner !== 'keypad' && this.isDuplicate(raw)) return;
    if (this.configProblem !== null) return void this.deps.onOutcome?.({ scanner, type: 'unavailable' }); // until staff fix the config

    const parsed = parseScan(raw, { personalQrOrigins: this.deps.settings().personalQrOrigins });
    if (!parsed.ok) {
      this.cancelInFlight();
      this.deps.onOutcome?.({ scanner, type: 'rejected', reason: parsed.reason });
      this.showResult({ screen: 'codeProblem', reason: 'notLoyaltyCode', resetInSeconds: 0 });
      return;
    }
    this.startIdentification(parsed.scan, scanner);
  }

  /** The same text as the last scan, within the duplicate window (remembered as a keyed digest). */
  private isDuplicate(raw: string): boolean {
    const now = this.deps.now();
    const previous = this.lastScan;
    const digest = createHmac('sha256', this.scanKey).update(raw).digest('base64');
    this.lastScan = { digest, at: now };
    return previous !== null && previous.digest === digest && now - previous.at <= this.deps.settings().duplicateWindowMs;
  }

  /** Back to `ready` (staff mode closed, the screen restarted): always. */
  done(): void {
    if (this.configProblem !== null) return;
    this.reset();
  }

  /**
   * The customer pressed Done on a result screen. While a new scan is being identified there is
   * no result to be done with: the press was meant for the screen before (a scanner's Enter held
   * back by a busy page can reach it as the scan starts), and the new customer's scan goes on.
   */
  customerDone(): void {
    if (this.state.screen === 'identifying') return;
    this.done();
  }

  /** A touch on a result screen: its countdown's full time again (rate-limited and capped: result-countdown.ts). */
  stillHere(): void {
    this.countdown.extend();
  }

  /** The till has taken this member's identification: back to `ready` within `seconds`. */
  handedOff(seconds: number): void {
    if (this.state.screen === 'member') this.countdown.shorten(seconds);
  }

  /** An invalid configuration (or null once fixed): `needsStaff` until it is valid again. */
  setConfigProblem(detail: string | null, fields: string[] = []): void {
    if (detail === null && this.configProblem === null) return; // was valid, still valid
    this.configProblem = detail;
    this.cancelInFlight();
    this.stopCountdown();
    if (detail === null) this.publish({ screen: 'ready' });
    else this.publish({ screen: 'needsStaff', reason: 'config', detail, fields, resetInSeconds: null });
  }

  /** Stops every timer and request (shutdown). */
  dispose(): void {
    this.cancelInFlight();
    this.stopCountdown();
    this.listeners.clear();
  }

  private startIdentification(scan: ParsedScan, scanner: ScannerKind): void {
    this.cancelInFlight();
    this.stopCountdown();
    const sequence = ++this.sequence;
    const controller = new AbortController();
    this.inFlight = controller;
    const started = this.deps.now();
    const settings = this.deps.settings();
    // At once, before the back end answers: the page's read feedback ("Got it") rides on this push.
    this.publish(scanner === 'keypad' ? { screen: 'identifying', typed: true } : { screen: 'identifying' });

    this.deadlineTimer = setTimeout(() => {
      if (sequence !== this.sequence) return;
      this.cancelInFlight();
      this.deps.onOutcome?.({ scanner, type: 'deadline', scanKind: scan.kind, ms: this.deps.now() - started });
      this.showResult({ screen: 'serviceProblem', reason: 'timeout', resetInSeconds: 0 });
    }, settings.deadlineMs(scan.kind));

    this.deps.identify(scan, controller.signal).then(
      (outcome) => {
        if (sequence !== this.sequence || controller.signal.aborted) return; // abandoned: drop it
        this.cancelInFlight();
        const problem = outcome.kind === 'serviceProblem' ? { problem: outcome.reason } : {};
        this.deps.onOutcome?.({ scanner, type: 'identified', scanKind: scan.kind, outcome: outcome.kind, ...problem, ms: this.deps.now() - started });
        const view = this.screenFor(outcome, scan);
        this.showResult(view);
        this.deps.onShown?.({ outcome, view, scanKind: scan.kind });
      },
      () => {
        // Rejections only come from aborts of an abandoned identification, or from a bug in
        // the client; either way the newest session decides what shows, not this one.
        if (sequence !== this.sequence || controller.signal.aborted) return;
        this.cancelInFlight();
        this.showResult({ screen: 'serviceProblem', reason: 'badAnswer', resetInSeconds: 0 });
      },
    );
  }

  private screenFor(outcome: IdentifyOutcome, scan: ParsedScan): SessionView {
    switch (outcome.kind) {
      case 'member':
        return { screen: 'member', member: toMemberView(outcome.member, this.deps.settings().catalog), resetInSeconds: 0 };
      case 'notFound':
        return screenOfOutcome('notFound', scan.kind) === 'codeProblem'
          ? { screen: 'codeProblem', reason: 'notFound', resetInSeconds: 0 }
          : { screen: 'notMember', vippsCheckIn: outcome.vippsCheckIn ?? false, resetInSeconds: 0 };
      case 'codeProblem':
        return { screen: 'codeProblem', reason: outcome.reason, resetInSeconds: 0 };
      case 'credentialsRefused':
        return { screen: 'needsStaff', reason: 'credentials', detail: null, resetInSeconds: 0 };
      case 'serviceProblem':
        return { screen: 'serviceProblem', reason: outcome.reason, resetInSeconds: 0 };
    }
  }

  /** Shows a result screen and counts down to `ready`, once a second. */
  private showResult(view: SessionView): void {
    this.stopCountdown();
    this.result = view;
    this.resultNumber += 1;
    // Joining takes a moment: notMember stays twice as long (README, "Screens").
    this.countdown.start(this.deps.settings().idleResetSeconds * (view.screen === 'notMember' ? 2 : 1));
    this.publishResult();
  }

  private publishResult(): void {
    const { remaining, full } = this.countdown.current();
    if (this.result) this.publish({ ...this.result, resetInSeconds: remaining, resetFullSeconds: full, result: this.resultNumber } as SessionView);
  }

  private reset(): void {
    this.cancelInFlight();
    this.stopCountdown();
    this.sequence++;
    this.publish({ screen: 'ready' });
  }

  private cancelInFlight(): void {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
    this.inFlight?.abort(new Error('identification abandoned'));
    this.inFlight = null;
  }

  private stopCountdown(): void {
    this.countdown.stop();
    this.result = null;
  }

  private publish(view: SessionView): void {
    this.state = view;
    for (const listener of this.listeners) listener(view);
  }
}
