/**
 * The customer UI's error boundary. A render error must not blank the kiosk until it is
 * restarted: the error is told to main (logged as `ui-error` without customer data, counted in
 * kiosk_ui_crashes_total), staff mode closes, main takes the session back to `ready`, and the
 * screens are drawn anew from the next state main pushes. While it waits, a neutral "One moment".
 *
 * It draws anew when main's screen changes, or on any push at least RETRY_AFTER_MS after the
 * error: a screen that fails again on every countdown push cannot loop faster than that.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { UiErrorReport } from '../../../electron/shared/contract';
import { i18n } from '../i18n/i18n';
import { kioskBridge } from '../kiosk-bridge';
import { useSessionStore } from '../session-store';
import { closeStaff, useStaffStore } from '../staff/staff-store';
import { uiErrorReport } from '../ui-error-report';

const RETRY_AFTER_MS = 2000;

interface State {
  failed: { screen: UiErrorReport['screen']; at: number } | null;
  /** Bumped on every recovery, so the screens mount anew rather than keep a broken state. */
  generation: number;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: null, generation: 0 };
  private unsubscribe: (() => void) | null = null;

  static getDerivedStateFromError(): Partial<State> {
    return { failed: { screen: currentScreen(), at: Date.now() } };
  }

  override componentDidMount(): void {
    this.unsubscribe = useSessionStore.subscribe((store, previous) => {
      const { failed } = this.state;
      if (!failed || store.view === previous.view) return;
      if (store.view?.screen !== failed.screen || Date.now() - failed.at >= RETRY_AFTER_MS) {
        this.setState((state) => ({ failed: null, generation: state.generation + 1 }));
      }
    });
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const screen = this.state.failed?.screen ?? currentScreen();
    const report = uiErrorReport(error, info.componentStack, screen, useSessionStore.getState().view);
    if (useStaffStore.getState().phase !== 'closed') closeStaff();
    void kioskBridge()?.uiError(report).catch(() => undefined); // main gone: nothing more to do
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
