/** A second kiosk on the same machine exits at once: two would fight over the scanners. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
const { app, protocol } = await import('../mocks/electron');

describe('single instance', () => {
  it('exits without registering anything when another kiosk holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../electron/main/main');
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });
});
