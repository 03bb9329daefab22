/**
 * Self-updates with electron-updater from a static host (the generic provider; the URL comes
 * from the config's `updates.url`, so one build serves every chain). Looks at start and daily at
 * the quiet hour; downloads in the background; installs only when the kiosk is idle. Staged
 * rollouts (`stagingPercentage` in latest.yml) and signature checks are electron-updater's own,
 * and left on: nothing here touches them. Whatever fails is logged and the running kiosk goes on.
 */
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { UpdateState } from '../core/metrics/kiosk-metrics';
import type { Logger } from '../core/log/logger';
import { IdleInstaller } from '../core/updates/idle-installer';
import { msUntilNextCheck } from '../core/updates/update-schedule';

export interface UpdateSettings {
  url: string;
  checkHour: number;
}

export interface UpdaterDeps {
  updater: AppUpdater;
  /** The config's `updates`, read at every check (staff or provisioning may change it); null: off. */
  settings(): UpdateSettings | null;
  isIdle(): boolean;
  log: Logger;
  /** How long the kiosk must stay idle before installing (default 60 s). */
  quietMs?: number;
  /** The first check, this long after start (default 30 s: the kiosk settles first). */
  firstCheckMs?: number;
  random?: () => number;
  now?: () => Date;
  /** Told where the self-update stands (for the metrics). */
  onState?: (state: UpdateState) => void;
  /**
   * Told when the newer version it found was published (for the metrics: a kiosk still on its old
   * version a week after that is alerted on; asked again at every start, so a restart forgets nothing).
   */
  onRelease?: (publishedAt: Date) => void;
}

export interface KioskUpdater {
  /** Looks for an update now (downloads it when there is one). Never throws. */
  check(): Promise<void>;
  /** Something happened at the kiosk: an install waits for another quiet period. */
  activity(): void;
  stop(): void;
}

const HOUR_MS = 3_600_000;

export function setupUpdater(deps: UpdaterDeps): KioskUpdater {
  const { updater, log } = deps;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false; // installs happen when idle, never at a random quit
  updater.logger = {
    info: (message?: unknown) => log.info('updater', { message: String(message) }),
    warn: (message?: unknown) => log.warn('updater', { message: String(message) }),
    error: (message?: unknown) => log.error('updater', { message: String(message) }),
    debug: () => undefined,
  };
  let pendingVersion: string | null = null;
  // `pending` holds from the moment a newer version is known until the kiosk restarts into it.
  const setState = (state: UpdateState) => {
    if (pendingVersion === null || state === 'pending') deps.onState?.(state);
  };
  setState(deps.settings() ? 'checking' : 'off'); // the first check comes soon after start
  const installer = new IdleInstaller({
    isIdle: deps.isIdle,
    quietMs: deps.quietMs,
    install: () => {
      log.info('update-installing', { version: pendingVersion });
      // A failed install does not throw: electron-updater reports it as an 'error' (logged above)
      // and the kiosk goes on; the window stays locked until the installer really quits the app.
      updater.quitAndInstall(true, true);
    },
    onInstallFailed: (error) => log.error('update-install-failed', { message: (error as Error).message }),
  });
  updater.on('update-available', (info: UpdateInfo) => {
    log.info('update-available', { version: info.version });
    setState('pending');
    pendingVersion = info.version;
    const publishedAt = new Date(info.releaseDate);
    if (!Number.isNaN(publishedAt.getTime())) deps.onRelease?.(publishedAt);
  });
  updater.on('update-not-available', (info: UpdateInfo) => {
    log.info('update-not-available', { latest: info.version });
    setState('current');
  });
  updater.on('update-downloaded', (info: UpdateInfo) => {
    pendingVersion = info.version;
    log.info('update-downloaded', { version: info.version });
    installer.updateDownloaded();
  });
  updater.on('error', (error: Error) => {
    log.warn('update-failed', { message: error.message });
    setState('error');
  });

  let feedUrl: string | null = null;
  const check = async () => {
    const settings = deps.settings();
    if (!settings) return setState('off');
    setState('checking');
    try {
      if (settings.url !== feedUrl) {
        updater.setFeedURL({ provider: 'generic', url: settings.url });
        feedUrl = settings.url;
      }
      const result = await updater.checkForUpdates();
      // A failed download is reported through 'error' (above); the promise must not go unhandled.
      await result?.downloadPromise?.catch(() => undefined);
    } catch (error) {
      log.warn('update-check-failed', { message: (error as Error).message });
      setState('error');
    }
  };

  let timer: ReturnType<typeof setTimeout> | null = null;
  const scheduleDaily = () => {
    const hour = deps.settings()?.checkHour ?? 3;
    const delay = msUntilNextCheck((deps.now ?? (() => new Date()))(), hour, Math.floor((deps.random ?? Math.random)() * HOUR_MS), HOUR_MS);
    timer = setTimeout(() => void check().finally(scheduleDaily), delay);
  };
  timer = setTimeout(() => void check().finally(scheduleDaily), deps.firstCheckMs ?? 30_000);

  return {
    check,
    activity: () => installer.activity(),
    stop() {
      if (timer) clearTimeout(timer);
      installer.stop();
    },
  };
}
