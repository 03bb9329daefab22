/**
 * The customer UI's error boundary. A render error must not blank the kiosk until it is
 * restarted: the error is told to main (logged as `ui-error` without customer data, counted in
 * kiosk_ui_crashes_total), staff mode closes, main takes the session back to `ready`, and the
 * screens are drawn anew from the next state main pushes. While it waits, a neutral "One moment".
 *
 * It draws anew as soon as main's screen changes (the customer's screen went, `ready` came), or
 * by itself after a pause (2 s, doubling with each failure in a row, at most a minute): a
 * screen that fails on every attempt (`ready` itself, where main pushes nothing new) is retried,
 * never in a tight loop, and never left on "One moment" for good.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { UiErrorReport } from '../../../electron/shared/contract';
import { i18n } from '../i18n/i18n';
import { kioskBridge } from '../kiosk-bridge';
import { useSessionStore } from '../session-store';
import { closeStaff, useStaffStore } from '../staff/staff-store';
import { uiErrorReport } from '../ui-error-report';

const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;

interface State {
  failed: { screen: UiErrorReport['screen']; at: number } | null;
  /** Bumped on every recovery, so the screens mount anew rather than keep a broken state. */
  generation: number;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: null, generation: 0 };
  private unsubscribe: (() => void) | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** Failures in a row (each within a minute of the last), for the pause before a retry. */
  private inARow = 0;
  private lastFailureAt = 0;

  static getDerivedStateFromError(): Partial<State> {
    return { failed: { screen: currentScreen(), at: Date.now() } };
  }

  override componentDidMount(): void {
    this.unsubscribe = useSessionStore.subscribe((store, previous) => {
      const { failed } = this.state;
      if (failed && store.view !== previous.view && store.view?.screen !== failed.screen) this.recover();
    });
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    if (this.retry) clearTimeout(this.retry);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const now = Date.now();
    this.inARow = now - this.lastFailureAt > MAX_RETRY_MS ? 1 : this.inARow + 1;
    this.lastFailureAt = now;
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => this.recover(), Math.min(FIRST_RETRY_MS * 2 ** (this.inARow - 1), MAX_RETRY_MS));
    const screen = this.state.failed?.screen ?? currentScreen();
    if (useStaffStore.getState().phase !== 'closed') closeStaff();
    let report: UiErrorReport;
    try {
      report = uiErrorReport(error, info.componentStack, screen, useSessionStore.getState().view);
    } catch {
      // Whatever broke the screen may break this too: main still hears of it, with less.
      report = { screen, errorName: 'Error', message: 'the error report could not be made', components: [] };
    }
    void kioskBridge()?.uiError(report).catch(() => undefined); // main gone: nothing more to do
  }

  private recover(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.setState((state) => ({ failed: null, generation: state.generation + 1 }));
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <main className="kiosk" aria-busy="true">
          <div className="stage">
            <section className="screen starting">
              <p className="lead">{i18n.t('identifying.title')}</p>
            </section>
          </div>
        </main>
      );
    }
    return <ErrorBoundaryChildren key={this.state.generation}>{this.props.children}</ErrorBoundaryChildren>;
  }
}

function ErrorBoundaryChildren({ children }: { children: ReactNode }) {
  return children;
}

function currentScreen(): UiErrorReport['screen'] {
  if (useStaffStore.getState().phase !== 'closed') return 'staff';
  return useSessionStore.getState().view?.screen ?? 'starting';
}
