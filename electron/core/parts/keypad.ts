/**
 * The typed-code keypad, as main owns it: whether it is on (`scanners.keypad.enabled`) and open,
 * the rest after wrong typed codes (typed-code-rest.ts), and a person's keys typed on a physical
 * keyboard for it (keypad-keys.ts). The page holds the digits; a complete code comes back as
 * `submit` and goes the way of a scanned OTP (the gate, the session, the hand-off), from the
 * scanner `keypad`, so logs and metrics tell it apart. Its digits are never logged.
 *
 * Any new screen closes it: a scan wins over typing, and the submitted code itself moves on to
 * `identifying`.
 */
import type { KeypadKey, KeypadSubmitResult, KeypadView } from '../../shared/keypad-view';
import type { KioskConfig } from '../config/config-schema';
import { KeypadKeys } from '../keypad/keypad-keys';
import { TypedCodeRest, WRONG_LIMIT } from '../keypad/typed-code-rest';
import type { Logger } from '../log/logger';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import type { TimedKey } from '../scan/wedge-detector';
import { screenOfOutcome } from '../session/result-screen';
import type { SessionEvent, SessionMachine } from '../session/session-machine';
import type { KioskPart } from './kiosk-part';

export interface Keypad extends KioskPart {
  view(): KeypadView;
  onView(listener: (view: KeypadView) => void): () => void;
  /** A person's keys for the open keypad that the page never saw. */
  onKeys(listener: (keys: KeypadKey[]) => void): () => void;
  open(): KeypadView;
  close(): void;
  submit(code: string): KeypadSubmitResult;
  /** Every key main sees (keyboard-wedge input). */
  key(input: TimedKey): void;
  /** Every finished identification: wrong typed codes count towards a rest. */
  outcome(event: SessionEvent): void;
}

export interface KeypadDeps {
  config: () => KioskConfig;
  session: Pick<SessionMachine, 'view' | 'subscribe'>;
  /** Where a submitted code goes: the scan gate, as scanner `keypad`. */
  scan(text: string, scanner: 'keypad'): void;
  /** The keys handed to the keypad were a person's: the wedge detector forgets them. */
  forgetTyping(): void;
  metrics: Pick<KioskMetrics, 'scan' | 'keypadRest'>;
  log: Logger;
  now?: () => number;
}

export function createKeypad(deps: KeypadDeps): Keypad {
  const now = deps.now ?? (() => performance.now());
  const viewListeners = new Set<(view: KeypadView) => void>();
  const keyListeners = new Set<(keys: KeypadKey[]) => void>();
  const rest = new TypedCodeRest();
  let open = false;
  let restTicker: ReturnType<typeof setInterval> | null = null;

  const enabled = () => deps.config().scanners.keypad.enabled;
  const view = (): KeypadView => {
    const remaining = rest.remaining(now());
    return { enabled: enabled(), open, restSeconds: remaining > 0 ? Math.ceil(remaining / 1000) : null, idleSeconds: deps.config().idleResetSeconds };
  };
  const publish = () => {
    const current = view();
    for (const listener of viewListeners) listener(current);
  };
  const keys = new KeypadKeys({
    maxInterKeyMs: () => deps.config().scanners.keyboard.maxInterKeyMs,
    onKeys: (typed) => {
      deps.forgetTyping();
      for (const listener of keyListeners) listener(typed);
    },
  });
  const setOpen = (next: boolean) => {
    if (open === next) return;
    open = next;
    keys.setOpen(next);
    publish();
  };
  const refuse = (reason: 'resting' | 'off' | 'closed'): KeypadSubmitResult => {
    deps.metrics.scan('keypad', 'ignored');
    deps.log.info('keypad-refused', { reason });
    return { ok: false, reason };
  };
  /** Tells the page each second of a rest, then that it is over. */
  const startRestTicker = () => {
    if (restTicker) clearInterval(restTicker);
    restTicker = setInterval(() => {
      if (rest.remaining(now()) > 0) return publish();
      if (restTicker) clearInterval(restTicker);
      restTicker = null;
      publish();
    }, 1000);
  };

  const unsubscribe = deps.session.subscribe((session) => {
    if (session.screen !== 'ready') setOpen(false);
  });

  return {
    name: 'keypad',
    apply(change) {
      if (!enabled()) setOpen(false);
      if (change.changed((config) => [config.scanners.keypad, config.idleResetSeconds])) publish();
    },
    stop() {
      unsubscribe();
      if (restTicker) clearInterval(restTicker);
      keys.setOpen(false);
    },
    view,
    onView(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    onKeys(listener) {
      keyListeners.add(listener);
      return () => keyListeners.delete(listener);
    },
    open() {
      if (enabled() && deps.session.view().screen === 'ready') setOpen(true);
      return view();
    },
    close: () => setOpen(false),
    submit(code) {
      if (!enabled()) return refuse('off');
      if (!open) return refuse('closed');
      if (rest.remaining(now()) > 0) return refuse('resting');
      setOpen(false);
      deps.scan(code, 'keypad');
      return { ok: true };
    },
    key: (input) => keys.key(input),
    outcome(event) {
      if (event.scanner !== 'keypad' || event.type !== 'identified' || screenOfOutcome(event.outcome, event.scanKind) !== 'codeProblem') return;
      const restMs = rest.recordWrong(now());
      if (restMs === 0) return;
      deps.metrics.keypadRest();
      deps.log.warn('keypad-resting', { seconds: restMs / 1000, wrongCodes: WRONG_LIMIT });
      publish();
      startRestTicker();
    },
  };
}
