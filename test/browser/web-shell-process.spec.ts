/** `npm run start:web`'s process contract: 127.0.0.1 only, KIOSK_PORT, the Kiosk UI line, clean stops. */
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { startWebShell } from '../helpers/web-shell';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`listens on KIOSK_PORT on 127.0.0.1 and stops cleanly on ${signal}`, async () => {
    const port = await freePort();
    const shell = await startWebShell({ env: { KIOSK_PORT: String(port) } });
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/[A-Za-z0-9_-]{20,}/$`));
    expect(await canConnect(port)).toBe(true);
    expect(await shell.stop(signal)).toBe(0);
    expect(shell.output()).toContain(`Stopping on ${signal}`);
    expect(await canConnect(port)).toBe(false);
  });
}

test('an unusable KIOSK_PORT is a clear error, not a crash trace', async () => {
  await expect(startWebShell({ env: { KIOSK_PORT: 'eighty' } })).rejects.toThrow(/KIOSK_PORT must be a port number/);
});
