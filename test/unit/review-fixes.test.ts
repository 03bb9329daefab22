/**
 * Behaviours found missing in review: bounded answer reads, no scanned text kept after
 * `ready`, https for real back ends, and a key-withholding window that covers every burst
 * the detector accepts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigSchema, MAX_INTER_KEY_MS_LIMIT } from '../../electron/core/config/config-schema';
import { identify } from '../../electron/core/identify/identify-client';
import { JITTER_FACTOR } from '../../electron/core/scan/wedge-detector';
import { SessionMachine } from '../../electron/core/session/session-machine';
import { BURST_TERMINATOR_WINDOW_MS } from '../../electron/shared/key-policy';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('identify answers', () => {
  it('stops reading a chunked answer past the cap and calls it a bad answer', async () => {
    let written = 0;
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: chunked
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 200 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (written < 200 * 1024 * 1024) res.once('drain', pump);
      };
      res.write('{"balances": [');
      pump();
      res.on('close', () => undefined);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const outcome = await identify(
      { baseUrl: `http://127.0.0.1:${port}`, token: 't', timeoutMs: 10_000, content: false },
      { identifier: '123456', storeId: '1', terminalId: '0', hasLoyalty: true },
    );
    expect(outcome).toMatchObject({ kind: 'serviceProblem', reason: 'badAnswer' });
    expect(written).toBeLessThan(50 * 1024 * 1024); // the client hung up long before the end
  });
});

describe('the session keeps no scanned text', () => {
  it('holds neither the code nor the member once back at ready', async () => {
    const code = '4711fc2a-3a8f-414f-a9e7-44dd5231dca7';
    const machine = new SessionMachine({
      identify: async () => ({
        kind: 'member',
        member: { loyaltyId: code, name: 'Farhan Ahmed', points: null, order: [], transactionId: null },
      }),
      settings: () => ({ idleResetSeconds: 5, deadlineMs: () => 1000, duplicateWindowMs: 3000, catalog: new Map() }),
      now: () => Date.now(),
    });
    machine.scan(code);
    await vi.waitFor(() => expect(machine.view().screen).toBe('member'));
    machine.done();
    const everything = inspect(machine, { depth: 10, showHidden: true });
    expect(everything).not.toContain(code);
    expect(everything).not.toContain('Farhan');
    machine.dispose();
  });
});

describe('configuration guards', () => {
  it('refuses plain http to another machine, allows https and loopback http', () => {
    const withUrl = (baseUrl: string) => ConfigSchema.safeParse({ identify: { baseUrl, token: 't' } }).success;
    expect(withUrl('http://loyalty.example.com')).toBe(false);
    expect(withUrl('http://10.0.0.5:8080')).toBe(false);
    expect(withUrl('https://loyalty.example.com')).toBe(true);
    expect(withUrl('http://127.0.0.1:8080')).toBe(true);
    expect(withUrl('http://localhost:8080/api')).toBe(true);
    expect(withUrl('http://localhost.evil.example/')).toBe(false);
  });

  it('caps maxInterKeyMs so a burst’s latest accepted Enter is still withheld from the UI', () => {
    expect(MAX_INTER_KEY_MS_LIMIT * JITTER_FACTOR).toBeLessThanOrEqual(BURST_TERMINATOR_WINDOW_MS);
    expect(ConfigSchema.safeParse({ scanners: { keyboard: { maxInterKeyMs: MAX_INTER_KEY_MS_LIMIT } } }).success).toBe(true);
    expect(ConfigSchema.safeParse({ scanners: { keyboard: { maxInterKeyMs: MAX_INTER_KEY_MS_LIMIT + 1 } } }).success).toBe(false);
  });
});
