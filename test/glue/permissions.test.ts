import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { createMockSession, MockWebContents } = await import('../mocks/electron');
const { setupPermissions } = await import('../../electron/main/permissions');

const CAPTURE_URL = 'kiosk://app/capture/capture.html';

function setup() {
  const target = createMockSession();
  const capture = new MockWebContents();
  const ui = new MockWebContents();
  setupPermissions(target as never, (contents) => contents === (capture as never));
  const ask = (contents: unknown, permission: string, details: Record<string, unknown>) => {
    const callback = vi.fn();
    target.permissionRequestHandler?.(contents, permission, callback, details);
    return callback.mock.calls[0]?.[0] as boolean;
  };
  return { target, capture, ui, ask };
}

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'fullscreen'])('denies the customer UI %s', (permission) => {
    const { ui, ask } = setup();
    expect(ask(ui, permission, { requestingUrl: 'kiosk://app/index.html', mediaTypes: ['video'] })).toBe(false);
  });

  it('gives the camera to the capture page alone, video only', () => {
    const { capture, ask } = setup();
    expect(ask(capture, 'media', { requestingUrl: CAPTURE_URL, mediaTypes: ['video'] })).toBe(true);
    expect(ask(capture, 'media', { requestingUrl: CAPTURE_URL, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask(capture, 'media', { requestingUrl: 'kiosk://app/index.html', mediaTypes: ['video'] })).toBe(false);
    expect(ask(capture, 'geolocation', { requestingUrl: CAPTURE_URL })).toBe(false);
  });

  it('answers permission checks for the UI and device requests with no', () => {
    const { target, ui, capture } = setup();
    expect(target.permissionCheckHandler?.(ui, 'media', 'kiosk://app')).toBe(false);
    expect(target.permissionCheckHandler?.(capture, 'media', 'kiosk://app')).toBe(true);
    expect(target.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});
