/**
 * Which screen the kiosk fills, kept so while screens come and go. A counter PC often has two:
 * the till's (the primary) and the customer's (`display.index`, in the OS's order). The window is
 * placed again on every `display-added`, `display-removed` and `display-metrics-changed`
 * (screen.md). When the configured screen is not there (switched off at boot, unplugged), the
 * window is hidden and waits for it, logged and shown to staff: a window that cannot be closed
 * must never cover the till's screen. The OS moves a window off an unplugged screen onto the
 * primary one, which is why hiding, not leaving it be, is the answer.
 *
 * A fullscreen (kiosk) window fills the screen it is on, so moving it means leaving kiosk mode,
 * setting its bounds and entering kiosk mode again; on macOS those transitions finish later, with
 * `leave-full-screen` / `enter-full-screen` (browser-window.md, `setFullScreen`).
 */
import type { BrowserWindow, Display, Rectangle, Screen } from 'electron';
import type { Logger } from '../core/log/logger';
import type { DisplayHealth } from '../shared/staff-view';

/** The configured screen, or null when it is not there (never the primary one in its place). */
export function pickDisplay<D extends { id: number }>(displays: readonly D[], primary: D, index: number | null): D | null {
  if (index === null) return primary;
  return displays[index] ?? null;
}

/** macOS' fullscreen transitions end with an event; this long at most, then the kiosk goes on. */
const TRANSITION_MS = 2000;

export interface DisplayPlacementDeps {
  window: BrowserWindow;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on' | 'removeListener'>;
  index: number | null;
  /** A native Wayland session: the compositor ignores window positions (README, "Field notes"). */
  wayland: boolean;
  log: Logger;
  /** Told each change (staff health, kiosk_display_up). */
  onChange(health: DisplayHealth): void;
}

export interface DisplayPlacement {
  /** The window's page is ready to be shown (`ready-to-show`): it shows once it is on its screen. */
  readyToShow(): void;
  /** Places the window now (start-up, and each screen event). */
  place(reason: string): Promise<void>;
  stop(): void;
}

const SCREEN_EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;

export function setupDisplayPlacement(deps: DisplayPlacementDeps): DisplayPlacement {
  const { window, screen, log } = deps;
  let pageReady = false;
  let health: DisplayHealth | null = null;
  // One placement at a time; events that come meanwhile are answered by one more after it.
  let running: Promise<void> | null = null;
  let again: string | null = null;

  const report = (state: DisplayHealth['state'], screens: number) => {
    if (health?.state === state && health.screens === screens) return;
    health = { index: deps.index, state, screens, since: health?.state === state ? health.since : new Date().toISOString(), wayland: deps.wayland };
    deps.onChange(health);
  };

  const placeOnce = async (reason: string) => {
    if (window.isDestroyed()) return;
    const displays = screen.getAllDisplays();
    const target = pickDisplay(displays, screen.getPrimaryDisplay(), deps.index);
    if (!target) {
      if (health?.state !== 'waiting') log.warn('display-missing', { index: deps.index, screens: displays.length, reason, message: `Screen ${deps.index} is not there: the kiosk waits for it, hidden (never on the till's screen)` });
      window.hide();
      return report('waiting', displays.length);
    }
    if (health?.state === 'waiting') log.info('display-back', { index: deps.index, screens: displays.length, reason });
    if (!sameBounds(window.getBounds(), target.bounds)) await moveTo(window, target);
    if (pageReady && !window.isVisible()) window.show();
    report('shown', displays.length);
  };

  const place = (reason: string): Promise<void> => {
    if (running) {
      again = reason;
      return running;
    }
    running = (async () => {
      try {
        await placeOnce(reason);
        while (again !== null) {
          const next: string = again;
          again = null;
          await placeOnce(next);
        }
      } catch (error) {
        log.error('display-placement-failed', { reason, message: (error as Error).message });
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const onScreenEvent = (name: string) => () => void place(name);
  const listeners = SCREEN_EVENTS.map((name) => [name, onScreenEvent(name)] as const);
  for (const [name, listener] of listeners) screen.on(name as 'display-added', listener);
  if (deps.wayland && deps.index !== null) {
    log.warn('display-wayland', { index: deps.index, message: 'A native Wayland session ignores window positions: start the kiosk with --ozone-platform=x11 (README, "Field notes")' });
  }

  return {
    readyToShow() {
      pageReady = true;
      if (health?.state === 'shown' && !window.isDestroyed()) window.show();
    },
    place,
    stop() {
      for (const [name, listener] of listeners) screen.removeListener(name as 'display-added', listener);
    },
  };
}

function sameBounds(a: Rectangle, b: Rectangle): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Leaves kiosk mode, moves, and fills the new screen in kiosk mode again. */
async function moveTo(window: BrowserWindow, target: Display): Promise<void> {
  const wasKiosk = window.isKiosk();
  if (wasKiosk) {
    const left = window.isFullScreen() ? transition(window, 'leave-full-screen') : Promise.resolve();
    window.setKiosk(false);
    await left;
  }
  window.setBounds(target.bounds);
  if (wasKiosk) {
    const entered = transition(window, 'enter-full-screen');
    window.setKiosk(true);
    await entered;
  }
}

/** Resolves on the window's fullscreen event, or after TRANSITION_MS if it never comes. */
function transition(window: BrowserWindow, event: 'enter-full-screen' | 'leave-full-screen'): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeListener(event as 'enter-full-screen', done);
      resolve();
    };
    const timer = setTimeout(done, TRANSITION_MS);
    window.once(event as 'enter-full-screen', done);
  });
}

/**
 * A native Wayland session: Electron 38+ runs as a Wayland client when the session is one
 * (breaking-changes.md, "Removed: ELECTRON_OZONE_PLATFORM_HINT"), unless started with
 * `--ozone-platform=x11`.
 */
export function isNativeWayland(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, ozonePlatform: string): boolean {
  if (platform !== 'linux') return false;
  if (ozonePlatform === 'x11') return false;
  if (ozonePlatform === 'wayland') return true;
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}
