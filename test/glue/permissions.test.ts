import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { createMockSession } = await import('../mocks/electron');
const { denyAllPermissions } = await import('../../electron/main/permissions');

describe('permissions for the customer UI', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'fullscreen'])('denies a request for %s', (permission) => {
    const target = createMockSession();
    denyAllPermissions(target as never);
    const callback = vi.fn();
    target.permissionRequestHandler?.({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('answers every permission check and device request with no', () => {
    const target = createMockSession();
    denyAllPermissions(target as never);
    expect(target.permissionCheckHandler?.({}, 'media', 'kiosk://app')).toBe(false);
    expect(target.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});
