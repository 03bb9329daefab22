/**
 * The shared fake of the `electron` module for the Electron glue's tests (the binary cannot run
 * here). It behaves as Electron 45 is documented and tested to behave, never as we would guess:
 * each behaviour names its source, a page of Electron's `docs/api/` or a file of its `spec/`,
 * `lib/` or `shell/` (github.com/electron/electron). Where the fake models something that is not
 * Electron's (what the OS does with a window on a screen that is unplugged), it says so.
 * It records what the glue configured so tests can assert on it.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Electron passes its listeners an `Event` whose `preventDefault()` the emitter reads afterwards. */
export function electronEvent<T extends object>(fields: T = {} as T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = { ...fields, defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  return event;
}

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

// ——— Screens (docs/api/screen.md, docs/api/structures/display.md) ———

export interface MockDisplay {
  id: number;
  label: string;
  bounds: Rectangle;
  workArea: Rectangle;
  size: { width: number; height: number };
  workAreaSize: { width: number; height: number };
  scaleFactor: number;
  rotation: number;
  internal: boolean;
  detected: boolean;
}

export function display(id: number, bounds: Rectangle, label = `Screen ${id}`): MockDisplay {
  const size = { width: bounds.width, height: bounds.height };
  return { id, label, bounds, workArea: { ...bounds }, size, workAreaSize: { ...size }, scaleFactor: 1, rotation: 0, internal: false, detected: true };
}

/** Two screens side by side: the till's (primary, the OS's first) and the customer's. */
export const TILL_SCREEN = display(1, { x: 0, y: 0, width: 1920, height: 1080 }, 'Till');
export const CUSTOMER_SCREEN = display(2, { x: 1920, y: 0, width: 1080, height: 1920 }, 'Customer');

const overlap = (a: Rectangle, b: Rectangle) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

class MockScreen extends EventEmitter {
  displays: MockDisplay[] = [TILL_SCREEN, CUSTOMER_SCREEN];
  primaryId = TILL_SCREEN.id;
  // screen.md: "Returns Display[] - An array of displays that are currently available."
  getAllDisplays = vi.fn(() => this.displays.map((each) => structuredClone(each)));
  // screen.md: "Returns Display - The primary display."
  getPrimaryDisplay = vi.fn(() => structuredClone(this.displays.find((each) => each.id === this.primaryId) ?? this.displays[0]!));
  // screen.md: "the display that most closely intersects the provided bounds".
  getDisplayMatching = vi.fn((rect: Rectangle) => structuredClone([...this.displays].sort((a, b) => overlap(b.bounds, rect) - overlap(a.bounds, rect))[0]!));

  /** Back to the two screens, with no listeners (between tests). */
  reset(): void {
    this.removeAllListeners();
    this.displays = [TILL_SCREEN, CUSTOMER_SCREEN];
    this.primaryId = TILL_SCREEN.id;
  }

  /** screen.md "Event: 'display-added'": `event`, `newDisplay`. */
  plug(added: MockDisplay): void {
    this.displays = [...this.displays, added];
    this.emit('display-added', electronEvent(), structuredClone(added));
  }

  /**
   * screen.md "Event: 'display-removed'": `event`, `oldDisplay`. Before the event, the OS (not
   * Electron: Windows and X11 window managers alike) moves the windows that were on that screen
   * onto the primary one, keeping their size: the situation the kiosk must not leave as it is.
   */
  unplug(id: number): void {
    const removed = this.displays.find((each) => each.id === id);
    if (!removed) throw new Error(`no display ${id}`);
    this.displays = this.displays.filter((each) => each.id !== id);
    const primary = this.getPrimaryDisplay();
    for (const window of BrowserWindow.instances) {
      if (!window.isDestroyed() && overlap(window.bounds, removed.bounds) > 0) window.bounds = { ...window.bounds, x: primary.bounds.x, y: primary.bounds.y };
    }
    this.emit('display-removed', electronEvent(), structuredClone(removed));
  }

  /** screen.md "Event: 'display-metrics-changed'": `event`, `display`, `changedMetrics` (`bounds`, `workArea`, `scaleFactor`, `rotation`). */
  change(id: number, bounds: Rectangle): void {
    this.displays = this.displays.map((each) => (each.id === id ? display(id, bounds, each.label) : each));
    this.emit('display-metrics-changed', electronEvent(), structuredClone(this.displays.find((each) => each.id === id)!), ['bounds', 'workArea']);
  }
}
export const screen = new MockScreen();

// ——— Pages and windows (docs/api/web-contents.md, web-frame-main.md, browser-window.md, base-window.md) ———

/**
 * web-contents.md "Event: 'before-input-event'": the `input` Object, every field present (`type`,
 * `key`, `code`, `isAutoRepeat`, `isComposing`, `shift`, `control`, `alt`, `meta`, `location`,
 * `modifiers`); `modifiers` as structures/input-event.md names them (`shift`, `control`, `alt`,
 * `meta`, `capslock`, `isautorepeat`, …), consistent with the booleans.
 */
export function inputEvent(fields: { key: string; code?: string; type?: 'keyDown' | 'keyUp' | 'rawKeyDown'; shift?: boolean; control?: boolean; alt?: boolean; meta?: boolean; isAutoRepeat?: boolean; capsLock?: boolean }) {
  const { capsLock = false, ...rest } = fields;
  const input = { type: 'keyDown' as const, code: '', shift: false, control: false, alt: false, meta: false, isAutoRepeat: false, isComposing: false, location: 0, ...rest };
  const modifiers = [
    ...(input.shift ? ['shift'] : []),
    ...(input.control ? ['control'] : []),
    ...(input.alt ? ['alt'] : []),
    ...(input.meta ? ['meta'] : []),
    ...(capsLock ? ['capslock'] : []),
    ...(input.isAutoRepeat ? ['isautorepeat'] : []),
  ];
  return { ...input, modifiers };
}

export class MockWebContents extends EventEmitter {
  static nextId = 1;
  id = MockWebContents.nextId++;
  /** web-frame-main.md: `frame.url` "the current URL of the frame"; a main frame has no `parent`. */
  mainFrame: { url: string; parent: null } = { url: 'kiosk://app/index.html', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  // web-contents.md: "contents.send(channel, ...args)".
  send = vi.fn();
  destroyed = false;
  // web-contents.md: "Returns Promise<void>".
  setVisualZoomLevelLimits = vi.fn(async () => undefined);
  setZoomLevel = vi.fn();
  closeDevTools = vi.fn();
  // web-contents.md: "Returns Promise<string> - A promise that resolves with a key for the inserted CSS".
  insertCSS = vi.fn(async () => 'css-key');
  /**
   * web-contents.md: "Forcefully terminates the renderer process". Electron then emits
   * `render-process-gone`; the tests emit it themselves, with the reason they study.
   */
  forcefullyCrashRenderer = vi.fn();
  reload = vi.fn();
  /**
   * web-contents.md `loadURL`: "Returns Promise<void> - the promise will resolve when the page
   * has finished loading (see did-finish-load)". The frame's URL is the new one from then on.
   */
  loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
    this.loading = true;
    await Promise.resolve();
    if (this.destroyed) return;
    this.loading = false;
    this.emit('did-finish-load');
    this.owner?.pageRendered();
  });
  private loading = false;
  /** web-contents.md `isLoading()`: "Whether web page is still loading resources" (from loadURL until did-finish-load). */
  isLoading = vi.fn(() => this.loading);
  /** The window whose page this is (browser-window.md: `win.webContents`). */
  owner: BrowserWindow | null = null;
  getURL = () => this.mainFrame.url;
  /**
   * `contents.capturePage([rect, opts])` "Returns Promise<NativeImage>" (docs/api/web-contents.md);
   * the image of a window never shown is empty, of a shown one not ("BrowserWindow.capturePage(rect)"
   * in spec/api-browser-window-spec.ts: `isEmpty()` true for `show: false`, false after `w.show()`).
   */
  capturePage = vi.fn(async () => mockNativeImage(this.owner?.isVisible() ? Buffer.from('\x89PNG\r\n\x1a\nkiosk-screen', 'latin1') : Buffer.alloc(0)));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /**
   * web-contents.md "Event: 'will-navigate'": `details` (an Event with `url`, `isMainFrame`, …)
   * and then, deprecated but still passed, `url`, `isInPlace`, `isMainFrame`, … Returns whether
   * a listener prevented it.
   */
  navigate(url: string): boolean {
    const details = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame });
    this.emit('will-navigate', details, url, false, true);
    return details.defaultPrevented;
  }
}

/** A NativeImage as capturePage resolves it: `isEmpty()` and `toPNG()` (docs/api/native-image.md). */
export function mockNativeImage(png: Buffer) {
  return { isEmpty: () => png.length === 0, toPNG: () => Buffer.from(png) };
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  /** The OS the fake plays: on macOS fullscreen transitions are asynchronous (browser-window.md, `setFullScreen`). */
  static platform: NodeJS.Platform = 'linux';
  static getAllWindows = () => BrowserWindow.instances.filter((window) => !window.isDestroyed());
  webContents = new MockWebContents();
  bounds: Rectangle;
  visible: boolean;
  kiosk: boolean;
  fullScreen: boolean;
  destroyed = false;
  private rendered = false;

  constructor(public options: Record<string, unknown>) {
    super();
    // electron_api_browser_window.cc: "Cannot create BrowserWindow before app is ready".
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.webContents.owner = this;
    const primary = screen.getPrimaryDisplay().bounds;
    this.bounds = {
      x: (options.x as number | undefined) ?? primary.x,
      y: (options.y as number | undefined) ?? primary.y,
      width: (options.width as number | undefined) ?? 800,
      height: (options.height as number | undefined) ?? 600,
    };
    // browser-window.md `show`: "Whether window should be shown when created. Default is true."
    this.visible = options.show !== false;
    this.kiosk = false;
    this.fullScreen = false;
    if (options.kiosk === true || options.fullscreen === true) this.enterFullScreen(options.kiosk === true);
    BrowserWindow.instances.push(this);
  }

  // browser-window.md `win.loadURL`: "Same as webContents.loadURL(url[, options])".
  loadURL = vi.fn((url: string) => this.webContents.loadURL(url));
  focus = vi.fn();
  isDestroyed = vi.fn(() => this.destroyed);
  isVisible = () => this.visible && !this.destroyed;
  // base-window.md "Event: 'show'" / "Event: 'hide'".
  show = vi.fn(() => {
    this.visible = true;
    this.emit('show');
  });
  hide = vi.fn(() => {
    this.visible = false;
    this.emit('hide');
  });
  getBounds = () => ({ ...this.bounds });
  // base-window.md `setBounds`: "Any properties that are not supplied will default to their current values."
  setBounds = vi.fn((bounds: Partial<Rectangle>) => {
    this.bounds = { ...this.bounds, ...bounds };
  });
  isKiosk = () => this.kiosk;
  isFullScreen = () => this.fullScreen;
  /** base-window.md `setKiosk`: "Enters or leaves kiosk mode"; kiosk mode is fullscreen on the window's screen. */
  setKiosk = vi.fn((flag: boolean) => {
    if (flag) this.enterFullScreen(true);
    else this.leaveFullScreen();
  });

  /** The page rendered for the first time: browser-window.md, "Using the ready-to-show event". */
  pageRendered(): void {
    if (this.rendered) return;
    this.rendered = true;
    if (!this.visible) this.emit('ready-to-show');
  }

  /**
   * A fullscreen window fills the screen it is on (Chromium fullscreens on the display that most
   * closely intersects the window). macOS announces the change later ("fullscreen transitions
   * take place asynchronously"), the others at once.
   */
  private enterFullScreen(kiosk: boolean): void {
    this.kiosk = kiosk;
    const done = () => {
      this.bounds = { ...screen.getDisplayMatching(this.bounds).bounds };
      this.fullScreen = true;
      this.emit('enter-full-screen');
    };
    if (BrowserWindow.platform === 'darwin') setTimeout(done, 500);
    else done();
  }

  private leaveFullScreen(): void {
    this.kiosk = false;
    const done = () => {
      this.fullScreen = false;
      this.emit('leave-full-screen');
    };
    if (BrowserWindow.platform === 'darwin') setTimeout(done, 500);
    else done();
  }
}

// ——— Sessions and permissions (docs/api/session.md) ———

/**
 * How Electron names the origin it gives permission handlers: a GURL made from the frame's
 * origin, which ends in "/" ("https://myfakesite/" in spec/api-session-spec.ts, "provides iframe
 * origin as requestingOrigin"; `${opener.origin}/` in spec/chromium-spec.ts).
 */
export function electronOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/`;
}

export function createMockSession() {
  return {
    permissionRequestHandler: null as null | ((...args: unknown[]) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    devicePermissionHandler: null as null | ((...args: unknown[]) => boolean),
    setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
      this.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: (...args: unknown[]) => boolean) {
      this.devicePermissionHandler = handler;
    },
    /**
     * A page's permission check, as shell/browser/electron_permission_manager.cc
     * (CheckPermissionWithDetails) makes it: no handler allows it; `requestingOrigin` is the
     * frame's origin with its "/"; `details` gets `requestingUrl` (the frame's last committed
     * URL), `isMainFrame`, and for camera and microphone checks `mediaType` (`video`, `audio`)
     * and `securityOrigin` (web_contents_permission_helper.cc); the camera and microphone are
     * the `media` permission (session.md).
     */
    checkPermission(contents: MockWebContents | null, permission: string, frame: { url: string; isMainFrame?: boolean }, mediaType?: 'video' | 'audio') {
      if (!this.permissionCheckHandler) return true;
      const details: Record<string, unknown> = { requestingUrl: frame.url, isMainFrame: frame.isMainFrame ?? true };
      if (mediaType) Object.assign(details, { mediaType, securityOrigin: electronOrigin(frame.url) });
      return this.permissionCheckHandler(contents, permission, electronOrigin(frame.url), details);
    },
    /**
     * A page's permission request (session.md `setPermissionRequestHandler`): `details` is a
     * PermissionRequest (`requestingUrl`, `isMainFrame`), for `media` a MediaAccessPermissionRequest
     * (`mediaTypes`, `securityOrigin`). No handler grants it.
     */
    requestPermission(contents: MockWebContents, permission: string, frame: { url: string; isMainFrame?: boolean }, mediaTypes?: Array<'video' | 'audio'>): Promise<boolean> {
      if (!this.permissionRequestHandler) return Promise.resolve(true);
      const details: Record<string, unknown> = { requestingUrl: frame.url, isMainFrame: frame.isMainFrame ?? true };
      if (mediaTypes) Object.assign(details, { mediaTypes, securityOrigin: electronOrigin(frame.url) });
      return new Promise((resolve) => this.permissionRequestHandler?.(contents, permission, resolve, details));
    },
  };
}

export const session = { defaultSession: createMockSession() };

// ——— IPC (docs/api/ipc-main.md, ipc-renderer.md, context-bridge.md) ———

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  /** lib/browser/ipc-main-impl.ts: "Attempted to register a second handler for '<channel>'". */
  handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
};

/**
 * ipc-renderer.md: `invoke(channel, ...args)` "Returns Promise<any>"; `on(channel, listener)` calls
 * `listener(event, ...args)`; `removeListener(channel, listener)`. The tests call the listener
 * the preload registered themselves, with an event first, as Electron does.
 */
export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, _arg?: unknown): Promise<unknown> => undefined),
  on: vi.fn(),
  removeListener: vi.fn(),
};

/** context-bridge.md: `exposeInMainWorld(apiKey, api)`; the tests read what was exposed. */
export const contextBridge = { exposeInMainWorld: vi.fn() };

// ——— The app (docs/api/app.md) ———

class MockApp extends EventEmitter {
  isPackaged = false;
  name = 'Counter Loyalty Kiosk';
  /** Glue modules run once the app is ready; tests of main's start set this false and call `becomeReady()`. */
  ready = true;
  exitCode: number | null = null;
  // app.md `requestSingleInstanceLock`: "Returns boolean".
  requestSingleInstanceLock = vi.fn(() => true);
  isReady = () => this.ready;
  // app.md `whenReady`: "Returns Promise<void> - fulfilled when Electron is initialized".
  whenReady = vi.fn(() => (this.ready ? Promise.resolve() : new Promise<void>((resolve) => this.once('ready', () => resolve()))));
  /** app.md "Event: 'ready'": Electron finished initializing, after the main script's first run. */
  becomeReady(): void {
    this.ready = true;
    this.emit('ready', electronEvent(), {});
  }
  private paths = new Map<string, string>([['userData', '/tmp/kiosk-user-data']]);
  getPath = vi.fn((name: string = 'userData') => this.paths.get(name) ?? `/tmp/kiosk-${name}`);
  /**
   * app.md `setPath(name, path)`: "Overrides the path to a special directory or file associated
   * with name"; `getPath` then answers it. The single-instance lock lives in the userData folder
   * (electron/electron#33559, "fix: create userData on requestSingleInstanceLock() if needed"),
   * so a kiosk that moves userData does so before it asks for the lock.
   */
  setPath = vi.fn((name: string, path: string) => {
    this.paths.set(name, path);
  });
  getVersion = vi.fn(() => '0.0.0-test');
  /** app.md `exit`: "Exits immediately … the before-quit and will-quit events will not be emitted." */
  exit = vi.fn((code = 0) => {
    this.exitCode = code;
  });
  /** app.md `relaunch`: "Relaunches the app when the current instance exits … does not quit the app". */
  relaunch = vi.fn();
  /**
   * app.md `quit`: "Try to close all windows. The before-quit event will be emitted first. If all
   * windows are successfully closed, the will-quit event will be emitted and by default the
   * application will terminate." Either event's `preventDefault()` stops it; a window's `close`
   * listener may too (base-window.md "Event: 'close'").
   */
  quit = vi.fn(() => {
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of BrowserWindow.getAllWindows()) {
      const close = electronEvent();
      window.emit('close', close);
      if (close.defaultPrevented) return;
      window.destroyed = true;
      window.emit('closed');
    }
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.exitCode = 0;
    this.emit('quit', electronEvent(), 0);
  });
  commandLine = { appendSwitch: vi.fn(), hasSwitch: vi.fn(() => false), getSwitchValue: vi.fn(() => '') };
}
export const app = new MockApp();

// ——— The rest of main's modules ———

export const protocol = {
  /** electron_api_protocol.cc: "protocol.registerSchemesAsPrivileged should be called before app is ready". */
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  }),
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  /** protocol.md `handle(scheme, handler)`: the handler gets a `Request` and returns a `Response` (or a promise of one). */
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

/** menu.md: `Menu.buildFromTemplate(template)` returns a Menu; `setApplicationMenu(menu | null)`. */
export const Menu = {
  setApplicationMenu: vi.fn(),
  buildFromTemplate: vi.fn((template: unknown[]) => ({ items: template })),
};

/**
 * safe-storage.md: `encryptString` "Returns Buffer", `decryptString(encrypted: Buffer)` returns
 * the string; a ciphertext it cannot decrypt throws "Error while decrypting the ciphertext
 * provided to safeStorage.decryptString." (shell/browser/api/electron_api_safe_storage.cc).
 * This stand-in "encrypts" reversibly, with a switchable backend.
 */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`)),
  decryptString: vi.fn((cipher: Buffer) => {
    const text = cipher.toString();
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(4);
  }),
};

/**
 * auto-updater.md "Event: 'before-quit-for-update'": the only event the glue reads from Electron's
 * own updater; electron-updater emits it there too before its own quit (BaseUpdater.quitAndInstall).
 */
export const autoUpdater = new EventEmitter();

/** power-save-blocker.md `start(type)`: "Returns Integer - The blocker ID". */
export const powerSaveBlocker = { start: vi.fn(() => 7), stop: vi.fn() };

/** power-monitor.md "Event: 'shutdown'" (Linux, macOS): `preventDefault()` delays the shutdown, and the app should then quit. */
export const powerMonitor = new EventEmitter();

/**
 * system-preferences.md: `getMediaAccessStatus(mediaType)` (Windows, macOS) returns
 * `not-determined`, `granted`, `denied`, `restricted` or `unknown`; `askForMediaAccess(mediaType)`
 * (macOS) "Returns Promise<boolean>", and once denied it resolves with that at once.
 */
export const systemPreferences = {
  getMediaAccessStatus: vi.fn((_mediaType: string): 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown' => 'not-determined'),
  askForMediaAccess: vi.fn(async (_mediaType: string) => true),
};

/** dialog.md `showErrorBox(title, content)`: what Electron shows for an uncaught exception in main. */
export const dialog = { showErrorBox: vi.fn() };

/**
 * What lib/browser/init.ts does before the app's code runs: its own `uncaughtException` listener,
 * which shows "A JavaScript error occurred in the main process" with the stack unless the app
 * added a listener of its own ("Do nothing if the user has a custom uncaught exception handler").
 */
export function installElectronDefaultErrorDialog(proc: EventEmitter): void {
  proc.on('uncaughtException', (error: Error) => {
    if (proc.listenerCount('uncaughtException') > 1) return;
    dialog.showErrorBox('A JavaScript error occurred in the main process', `Uncaught Exception:\n${error.stack ?? `${error.name}: ${error.message}`}`);
  });
}

export default { app, autoUpdater, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, powerMonitor, powerSaveBlocker, protocol, safeStorage, screen, session, systemPreferences };
