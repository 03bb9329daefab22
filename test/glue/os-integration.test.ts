/**
 * What each OS needs of the glue: macOS' Edit menu (copy and paste go through the application
 * menu there) and its camera consent asked before the capture page opens the camera; Windows'
 * global camera switch read and logged; Linux and Windows without any menu.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { Menu, systemPreferences } = await import('../mocks/electron');
type MockWindow = InstanceType<typeof import('../mocks/electron').BrowserWindow>;
const { setApplicationMenu } = await import('../../electron/main/app-menu');
const { ensureCameraAccess } = await import('../../electron/main/camera-access');
const { createCaptureWindow } = await import('../../electron/main/capture-window');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
afterEach(() => {
  vi.clearAllMocks();
  systemPreferences.getMediaAccessStatus.mockImplementation(() => 'not-determined');
  systemPreferences.askForMediaAccess.mockImplementation(async () => true);
});

describe('the application menu', () => {
  it('on macOS is the Edit menu behind an application menu that cannot quit or hide', () => {
    setApplicationMenu('darwin', 'Counter Loyalty Kiosk');
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as Array<{ label?: string; role?: string; submenu?: Array<{ role?: string }> }>;
    expect(template).toEqual([{ label: 'Counter Loyalty Kiosk', submenu: [{ role: 'about' }] }, { role: 'editMenu' }]);
    expect(JSON.stringify(template)).not.toMatch(/quit|hide|close|reload|toggleDevTools|appMenu|viewMenu/i);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({ items: template });
  });

  it.each(['win32', 'linux'] as const)('on %s is none at all (no menu bar, none of the default shortcuts)', (platform) => {
    setApplicationMenu(platform);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(Menu.buildFromTemplate).not.toHaveBeenCalled();
  });
});

describe("the OS's camera consent", () => {
  it('macOS, not asked yet: asks, logs the answer', async () => {
    await ensureCameraAccess({ platform: 'darwin', systemPreferences, cameraEnabled: true, log });
    expect(systemPreferences.askForMediaAccess).toHaveBeenCalledWith('camera');
    expect(log.info).toHaveBeenCalledWith('camera-access-granted', {});
  });

  it('macOS, refused: says where staff can allow it, and that the kiosk must restart', async () => {
    systemPreferences.getMediaAccessStatus.mockReturnValue('denied');
    systemPreferences.askForMediaAccess.mockResolvedValue(false);
    await ensureCameraAccess({ platform: 'darwin', systemPreferences, cameraEnabled: true, log });
    expect(log.warn).toHaveBeenCalledWith('camera-access-denied', expect.objectContaining({ status: 'denied', message: expect.stringContaining('Privacy & Security') }));
  });

  it('asks nothing when already granted, when the camera is off, or on Linux', async () => {
    systemPreferences.getMediaAccessStatus.mockReturnValue('granted');
    await ensureCameraAccess({ platform: 'darwin', systemPreferences, cameraEnabled: true, log });
    systemPreferences.getMediaAccessStatus.mockReturnValue('not-determined');
    await ensureCameraAccess({ platform: 'darwin', systemPreferences, cameraEnabled: false, log });
    await ensureCameraAccess({ platform: 'linux', systemPreferences, cameraEnabled: true, log });
    expect(systemPreferences.askForMediaAccess).not.toHaveBeenCalled();
  });

  it("Windows: never asks (there is no such prompt), logs the global switch when it is off", async () => {
    systemPreferences.getMediaAccessStatus.mockReturnValue('denied');
    await ensureCameraAccess({ platform: 'win32', systemPreferences, cameraEnabled: true, log });
    expect(systemPreferences.askForMediaAccess).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('camera-access-denied', expect.objectContaining({ message: expect.stringContaining('Privacy & security → Camera') }));
  });

  it('the capture page (which opens the camera) loads only once the consent is answered', async () => {
    let answer!: (granted: boolean) => void;
    systemPreferences.askForMediaAccess.mockReturnValue(new Promise<boolean>((resolve) => (answer = resolve)));
    const consent = ensureCameraAccess({ platform: 'darwin', systemPreferences, cameraEnabled: true, log });
    const capture = createCaptureWindow('/p', { loadWhen: consent }) as unknown as MockWindow;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(capture.loadURL).not.toHaveBeenCalled();
    answer(true);
    await vi.waitFor(() => expect(capture.loadURL).toHaveBeenCalledWith('kiosk://app/capture/capture.html'));
  });
});
