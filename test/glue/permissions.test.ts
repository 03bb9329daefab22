/**
 * Permissions, asked the way Electron asks (test/mocks/electron.ts: `checkPermission` and
 * `requestPermission` build the origin and details as Electron's permission manager does).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { createMockSession, MockWebContents } = await import('../mocks/electron');
const { setupPermissions } = await import('../../electron/main/permissions');

const CAPTURE_URL = 'kiosk://app/capture/capture.html';
const UI_URL = 'kiosk://app/index.html';

function setup() {
  const target = createMockSession();
  const capture = new MockWebContents();
  capture.mainFrame.url = CAPTURE_URL;
  const ui = new MockWebContents();
  setupPermissions(target as never, (contents) => contents === (capture as never));
  return { target, capture, ui };
}

describe('permission requests', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'fullscreen'])('denies the customer UI %s', async (permission) => {
    const { target, ui } = setup();
    await expect(target.requestPermission(ui, permission, { url: UI_URL }, ['video'])).resolves.toBe(false);
  });

  it('gives the camera to the capture page alone, video only', async () => {
    const { target, capture } = setup();
    await expect(target.requestPermission(capture, 'media', { url: CAPTURE_URL }, ['video'])).resolves.toBe(true);
    await expect(target.requestPermission(capture, 'media', { url: CAPTURE_URL }, ['video', 'audio'])).resolves.toBe(false);
    await expect(target.requestPermission(capture, 'media', { url: UI_URL }, ['video'])).resolves.toBe(false);
    await expect(target.requestPermission(capture, 'geolocation', { url: CAPTURE_URL })).resolves.toBe(false);
  });
});

describe('permission checks, with the origin as Electron passes it (kiosk://app/)', () => {
  it('lets the capture page see the cameras (enumerateDevices gives their IDs and labels only when this says yes)', () => {
    const { target, capture } = setup();
    expect(target.checkPermission(capture, 'media', { url: CAPTURE_URL }, 'video')).toBe(true);
    // What the handler was really given: Electron's form, with the trailing slash.
    const handler = target.permissionCheckHandler;
    const seen: unknown[][] = [];
    target.permissionCheckHandler = (...args: unknown[]) => (seen.push(args), handler?.(...args) ?? false);
    target.checkPermission(capture, 'media', { url: CAPTURE_URL }, 'video');
    expect(seen[0]?.[2]).toBe('kiosk://app/');
    expect(seen[0]?.[3]).toMatchObject({ requestingUrl: CAPTURE_URL, isMainFrame: true, mediaType: 'video' });
  });

  it('says no to the microphone, to the customer UI, to a sub-frame, and to a capture window showing another page', () => {
    const { target, capture, ui } = setup();
    expect(target.checkPermission(capture, 'media', { url: CAPTURE_URL }, 'audio')).toBe(false);
    expect(target.checkPermission(ui, 'media', { url: UI_URL }, 'video')).toBe(false);
    expect(target.checkPermission(capture, 'media', { url: CAPTURE_URL, isMainFrame: false }, 'video')).toBe(false);
    expect(target.checkPermission(capture, 'media', { url: UI_URL }, 'video')).toBe(false);
    expect(target.checkPermission(null, 'media', { url: CAPTURE_URL }, 'video')).toBe(false); // Electron passes null for cross-origin frames
    expect(target.checkPermission(capture, 'clipboard-read', { url: CAPTURE_URL })).toBe(false);
  });

  it('says no to a look-alike origin even on the capture path', () => {
    const { target, capture } = setup();
    expect(target.checkPermission(capture, 'media', { url: 'kiosk://app.evil/capture/capture.html' }, 'video')).toBe(false);
  });

  it('answers device requests (USB, HID, serial from the page) with no', () => {
    const { target } = setup();
    expect(target.devicePermissionHandler?.({ deviceType: 'usb', origin: 'kiosk://app' })).toBe(false);
  });
});
