/**
 * Installs a downloaded update only when nobody is using the kiosk: the session on `ready`,
 * staff mode closed, and nothing happening for `quietMs`. Installing restarts the app, so it
 * must never cut off a customer looking at their points or staff changing a setting.
 */

export interface IdleInstallerDeps {
  /** True when no customer or staff member is at the kiosk (session `ready`, staff closed). */
  isIdle(): boolean;
  /** Quits and installs; may throw (it is the updater's). */
  install(): void;
  onInstallFailed?(error: unknown): void;
  /** How long the kiosk must stay idle first (default 60 s). */
  quietMs?: number;
}

export class IdleInstaller {
  private pending = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly quietMs: number;

  constructor(private readonly deps: IdleInstallerDeps) {
    this.quietMs = deps.quietMs ?? 60_000;
  }

  /** An update is downloaded and waits for a quiet moment. */
  updateDownloaded(): void {
    this.pending = true;
    this.arm();
  }

  /** Something happened at the kiosk (a scan, a screen change, staff input): the quiet starts again. */
  activity(): void {
    if (this.pending) this.arm();
  }

  isPending(): boolean {
    return this.pending;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.deps.isIdle()) return this.arm();
      try {
        this.pending = false;
        this.deps.install();
      } catch (error) {
        // The running kiosk stays as it is; the next check downloads the update again.
        this.deps.onInstallFailed?.(error);
      }
    }, this.quietMs);
  }
}
