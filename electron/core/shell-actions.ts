/**
 * What only a shell can do for the core's support API and restarts: the core decides when
 * (never in front of a customer), the shell how. Electron relaunches and captures its customer
 * window (electron/main/quit.ts, screen-capture.ts); the web shell reloads its pages and has
 * no screen of its own to capture.
 */
import type { RestartReason } from './maintenance/idle-restart';

export interface ShellActions {
  /** Restarts the kiosk; called only while it is idle. */
  restart(reason: RestartReason): Promise<void> | void;
  /** A PNG of the customer screen; absent where the shell cannot take one. */
  screenshot?(): Promise<Buffer>;
  /** Why there is no screenshot, where `screenshot` is absent (the support API's 501). */
  noScreenshot?: string;
  /**
   * Staff's "Quit for maintenance": the kiosk ends on purpose, with exit code 0, through the
   * same graceful stop as any quit (Electron: app.quit() and quit.ts; the web shell: its
   * SIGTERM path). The process supervisor must not start it again (README, "Running a store").
   */
  quit?(): Promise<void> | void;
}
