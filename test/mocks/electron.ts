/**
 * The shared mock of the `electron` module for unit tests of the Electron glue (the binary
 * cannot run here). It records what the glue configured so tests can assert on it.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class MockWebContents extends EventEmitter {
  static nextId = 1;
  id = MockWebContents.nextId++;
  mainFrame = { url: 'kiosk://app/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  destroyed = false;
  setVisualZoomLevelLimits = vi.fn(async () => undefined);
  setZoomLevel = vi.fn();
  closeDevTools = vi.fn();
  insertCSS = vi.fn(async () => 'css-key');
  forcefullyCrashRenderer = vi.fn();
  reload = vi.fn();
  /** Whether its window has been shown (BrowserWindow.show below). */
  visible = false;
  /**
   * `contents.capturePage([rect, opts])` "Returns Promise<NativeImage>" (docs/api/web-contents.md);
   * the image of a window never shown is empty, of a shown one not ("BrowserWindow.capturePage(rect)"
   * in spec/api-browser-window-spec.ts: `isEmpty()` true for `show: false`, false after `w.show()`).
   */
  capturePage = vi.fn(async () => mockNativeImage(this.visible ? Buffer.from('\x89PNG\r\n\x1a\nkiosk-screen', 'latin1') : Buffer.alloc(0)));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

/** A NativeImage as capturePage resolves it: `isEmpty()` and `toPNG()` (docs/api/native-image.md). */
export function mockNativeImage(png: Buffer) {
  return { isEmpty: () => png.length === 0, toPNG: () => Buffer.from(png) };
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  webContents = new MockWebContents();
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn(() => {
    this.webContents.visible = true;
  });
  focus = vi.fn();
  isDestroyed = vi.fn(() => false);
  constructor(public options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
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
  };
}

export const session = { defaultSession: createMockSession() };

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    ipcMain.handlers.set(channel, handler);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, _arg?: unknown): Promise<unknown> => undefined),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const Menu = { setApplicationMenu: vi.fn() };

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(() => Promise.resolve()),
  getPath: vi.fn(() => '/tmp/kiosk-user-data'),
  getVersion: vi.fn(() => '0.0.0-test'),
  exit: vi.fn(),
  quit: vi.fn(),
  /**
   * `app.relaunch([options])` only records the wish: it "Relaunches the app when current instance
   * exits" and "does not quit the app when executed" (docs/api/app.md).
   */
  relaunch: vi.fn((_options?: { args?: string[]; execPath?: string }) => undefined),
});

/** A stand-in that "encrypts" reversibly, with a switchable backend. */
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

/** Electron's own autoUpdater: only its `before-quit-for-update` event matters to the glue. */
export const autoUpdater = new EventEmitter();

export const powerSaveBlocker = { start: vi.fn(() => 7), stop: vi.fn() };

const display = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1080, height: 1920 } });
/** Two screens side by side: the till's (primary) and the customer's. */
export const screen = {
  getAllDisplays: vi.fn(() => [display(1, 0), display(2, 1080)]),
  getPrimaryDisplay: vi.fn(() => display(1, 0)),
};

export default { app, autoUpdater, BrowserWindow, contextBridge, ipcMain, ipcRenderer, Menu, powerSaveBlocker, protocol, safeStorage, screen, session };
