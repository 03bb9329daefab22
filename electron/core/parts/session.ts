/**
 * The customer's session (session-machine.ts) wired to the rest: identify through the back end
 * and Vipps, its settings from the configuration, each outcome counted and logged, each result
 * the customer saw handed to the till. On an invalid configuration it shows needsStaff; on a
 * valid one, ready again.
 */
import type { KioskConfig } from '../config/config-schema';
import { identifiedByOf, memberIdentification, notMemberIdentification } from '../handoff/identification';
import { identify } from '../identify/identify-client';
import { identifyScan } from '../identify/identify-scan';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import { SessionMachine, type SessionEvent, type SessionSettings } from '../session/session-machine';
import type { HealthStats } from '../staff/health-stats';
import type { BackEnd } from './back-end';
import type { Handoff } from './handoff';
import type { KioskPart } from './kiosk-part';
import type { Vipps } from './vipps';

/** Scans identical to the last one within this window are the same code seen again. */
const DUPLICATE_WINDOW_MS = 3000;
/** The session's hard stop sits a little after the client's own timeout. */
const DEADLINE_MARGIN_MS = 1000;

export interface SessionPart extends KioskPart {
  session: SessionMachine;
}

export function createSession(deps: {
  config: () => KioskConfig;
  backEnd: BackEnd;
  vipps: Vipps;
  handoff: Handoff;
  stats: HealthStats;
  metrics: KioskMetrics;
  log: Logger;
  /** Also told of every outcome (the keypad counts wrong typed codes). */
  onOutcome?(event: SessionEvent): void;
}): SessionPart {
  const { config, backEnd, vipps, log } = deps;
  const settings = (): SessionSettings => ({
    idleResetSeconds: config().idleResetSeconds,
    // A personal QR code costs a token and an exchange before the identify call, each twice at
    // worst (a stale token is refreshed once).
    deadlineMs: (scanKind) => {
      const client = vipps.client();
      return backEnd.target().timeoutMs + DEADLINE_MARGIN_MS + ((scanKind === 'vippsToken' || scanKind === 'vippsPhone') && client ? 4 * client.target.timeoutMs : 0);
    },
    duplicateWindowMs: DUPLICATE_WINDOW_MS,
    catalog: backEnd.catalog(),
    personalQrOrigins: vipps.personalQrOrigins(),
  });

  /** The id of the identification handed to the till for the result on screen. */
  let shownId: string | null = null;
  const session = new SessionMachine({
    identify: (scan, signal) =>
      identifyScan(scan, signal, {
        identify: (identifier, callSignal) => {
          const { storeId, terminalId, hasLoyalty } = config();
          return identify(backEnd.target(), { identifier, storeId, terminalId, hasLoyalty }, callSignal);
        },
        vipps: () => vipps.client(),
        phoneForm: () => vipps.phoneForm(),
        checkIn: (client, phoneNumber, isMember) => vipps.checkIn(client, phoneNumber, isMember),
        log,
      }),
    settings,
    now: () => performance.now(),
    onOutcome: (event) => {
      deps.stats.record(event);
      deps.metrics.session(event);
      log.info('session', { ...event });
      deps.onOutcome?.(event);
    },
    // The till's copy, after the screen: a slow or failing till never delays the customer.
    onShown: ({ outcome, view, scanKind }) => {
      const { handoff, storeId, terminalId } = config();
      if (!handoff) return;
      const context = { identifiedBy: identifiedByOf(scanKind), storeId, terminalId, catalog: settings().catalog, now: new Date() };
      const identification =
        view.screen === 'member' && outcome.kind === 'member' ? memberIdentification(outcome.member, context) : view.screen === 'notMember' ? notMemberIdentification(context) : null;
      shownId = identification?.id ?? null;
      if (identification) setImmediate(() => void deps.handoff.record(identification));
    },
  });
  // The till took the member on screen: the screen may go sooner (`handoff.clearAfterDeliveredSeconds`).
  const stopDelivered = deps.handoff.onDelivered((id) => {
    const seconds = config().handoff?.clearAfterDeliveredSeconds;
    if (id === shownId && seconds) session.handedOff(seconds);
  });

  return {
    name: 'session',
    session,
    apply: () => session.setConfigProblem(null),
    refuse: ({ message, fields }) => session.setConfigProblem(message, fields),
    stop: () => {
      stopDelivered();
      session.dispose();
    },
  };
}
