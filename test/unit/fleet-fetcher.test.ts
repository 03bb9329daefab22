/**
 * The signed fleet configuration end to end in the core's terms: fetched from a loopback HTTPS
 * server made by the test (fleet-server.ts, with its own certificate authority), checked,
 * kept and applied; ETag / If-None-Match; refused when unsigned, badly signed, signed by
 * another key, stale or replayed, or invalid, each logged and counted once; the last good one
 * kept and laid over the provisioning file again after a restart, offline.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../electron/core/config/load-config';
import type { FleetRefusal } from '../../electron/core/fleet/fleet-document';
import { FleetConfigFetcher, type FleetSettings } from '../../electron/core/fleet/fleet-fetcher';
import { FLEET_STORE_FILE, type FleetLayer } from '../../electron/core/fleet/fleet-store';
import { fleetKeys, signedDocument, startFleetServer, type FleetServer } from '../helpers/fleet-server';
import { makeTestCertificates, type TestCertificates } from '../helpers/tls-certificates';

const chain = fleetKeys();
const stranger = fleetKeys();
let certificates: TestCertificates;
let server: FleetServer;
let dir: string;
let lines: Array<{ level: string; event: string; fields: Record<string, unknown> }>;
let refusals: FleetRefusal[];
let applied: number;
let checkResult: string | null;

beforeAll(() => {
  certificates = makeTestCertificates();
});
afterAll(() => certificates.remove());

beforeEach(async () => {
  server = await startFleetServer(certificates);
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-fleet-'));
  lines = [];
  refusals = [];
  applied = 0;
  checkResult = null;
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const log = {
  info: (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level: 'info', event, fields }),
  warn: (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level: 'warn', event, fields }),
  error: (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level: 'error', event, fields }),
};

function fetcher(checks: FleetLayer[] = []): FleetConfigFetcher {
  const made = new FleetConfigFetcher({
    userDataDir: dir,
    log,
    userAgent: 'Counter Loyalty Kiosk/test',
    check: async (layer) => {
      checks.push(layer);
      return checkResult;
    },
    apply: async () => void (applied += 1),
    onRefused: (reason) => void refusals.push(reason),
    extraCa: [certificates.ca],
    republishWaitMs: 50,
  });
  return made;
}

function settings(publicKey = chain.publicKey): FleetSettings {
  return { url: server.url, publicKey, intervalSeconds: 3600 };
}

/** Configures and runs one check at once (the timer's first check is seconds away). */
async function checkOnce(made: FleetConfigFetcher, with_ = settings()): Promise<void> {
  made.configure(with_);
  await made.checkNow();
}

function publish(serial: number, config: Record<string, unknown> = { terminalId: `fleet-${serial}` }, keys = chain): void {
  const { document, signature } = signedDocument(keys, { serial, config });
  server.publish(document, signature);
}

const storedSerial = () => JSON.parse(Buffer.from((JSON.parse(readFileSync(path.join(dir, FLEET_STORE_FILE), 'utf8')) as { document: string }).document, 'base64').toString()).serial as number;

describe('fetching the fleet configuration', () => {
  it('applies a signed document: kept in user data (owner-only) with its signature, then applied; staff health shows its serial', async () => {
    publish(1);
    const checks: FleetLayer[] = [];
    const made = fetcher(checks);
    await checkOnce(made);
    expect(checks.map((layer) => [layer.serial, layer.config])).toEqual([[1, { terminalId: 'fleet-1' }]]);
    expect(applied).toBe(1);
    expect(storedSerial()).toBe(1);
    expect((await import('node:fs')).statSync(path.join(dir, FLEET_STORE_FILE)).mode & 0o777).toBe(0o600);
    expect(made.status()).toMatchObject({ serial: 1, lastResult: 'applied', refused: 0, url: server.url });
    expect(lines.map((line) => line.event)).toEqual(['fleet-config-applied']);
    await made.stop();
  });

  it('asks with If-None-Match: an unchanged document is not downloaded again (304), nor applied again', async () => {
    publish(1);
    const made = fetcher();
    await checkOnce(made);
    await made.checkNow();
    await made.checkNow();
    const documentRequests = server.requests.filter((request) => request.path === '/fleet/kiosk.json');
    expect(documentRequests.map((request) => request.status)).toEqual([200, 304, 304]);
    expect(documentRequests[1]?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(server.requests.filter((request) => request.path.endsWith('.sig'))).toHaveLength(1);
    expect(applied).toBe(1);
    expect(made.status()).toMatchObject({ serial: 1, lastResult: 'unchanged' });
    await made.stop();
  });

  it('a new serial replaces the one applied; a replayed older one (validly signed) is refused as stale, logged and counted once', async () => {
    const old = signedDocument(chain, { serial: 1, config: { terminalId: 'fleet-1' } });
    server.publish(old.document, old.signature);
    const made = fetcher();
    await checkOnce(made);
    publish(2);
    await made.checkNow();
    expect(storedSerial()).toBe(2);
    server.publish(old.document, old.signature); // an attacker on the path serves yesterday's document
    await made.checkNow();
    await made.checkNow();
    expect(storedSerial()).toBe(2);
    expect(applied).toBe(2);
    expect(refusals).toEqual(['stale']);
    expect(made.status()).toMatchObject({ serial: 2, lastResult: 'refused', refused: 1, lastProblem: expect.stringContaining('serial 1 is not newer than the applied 2') });
    expect(lines.filter((line) => line.event === 'fleet-config-refused')).toHaveLength(1);
    publish(2, { terminalId: 'other' }); // a new document whose serial was not raised
    await made.checkNow();
    expect(refusals).toEqual(['stale', 'stale']);
    await made.stop();
  });

  it('refuses an unsigned document, a tampered one (after looking again once), and one signed by another key; the one applied stays', async () => {
    publish(1);
    const made = fetcher();
    await checkOnce(made);
    const next = signedDocument(chain, { serial: 2, config: { terminalId: 'fleet-2' } });
    server.publish(next.document, null);
    await made.checkNow();
    server.publish(next.document.replace('fleet-2', 'evil-2'), next.signature);
    await made.checkNow();
    publish(3, { terminalId: 'fleet-3' }, stranger);
    await made.checkNow();
    expect(refusals).toEqual(['unsigned', 'bad_signature', 'bad_signature']);
    expect(storedSerial()).toBe(1);
    expect(applied).toBe(1);
    // Each refused one was fetched twice: once more, in case it was caught mid-publish (document before signature).
    expect(server.requests.filter((request) => request.path === '/fleet/kiosk.json' && request.status === 200)).toHaveLength(1 + 2 + 2 + 2);
    const messages = lines.filter((line) => line.event === 'fleet-config-refused').map((line) => line.fields.reason);
    expect(messages).toEqual(['unsigned', 'bad_signature', 'bad_signature']);
    await made.stop();
  });

  it('refuses a document the kiosk could not run with (the whole configuration checked), keeping the one applied', async () => {
    publish(1);
    const made = fetcher();
    await checkOnce(made);
    checkResult = 'Configuration in /x is invalid: idleResetSeconds: Too small';
    publish(2, { idleResetSeconds: 1 });
    await made.checkNow();
    expect(refusals).toEqual(['invalid']);
    expect(storedSerial()).toBe(1);
    expect(made.status()).toMatchObject({ lastResult: 'refused', lastProblem: checkResult });
    await made.stop();
  });

  it('a server that is down, gone or not trusted is logged once, and its return; nothing applied changes; a new address finds the same document unchanged', async () => {
    publish(1);
    const made = fetcher();
    await checkOnce(made);
    server.outage(503);
    await made.checkNow();
    await made.checkNow();
    expect(made.status()).toMatchObject({ serial: 1, lastResult: 'unreachable', lastProblem: 'HTTP 503 for the document' });
    server.outage(null);
    await made.checkNow(); // back: said once
    await server.close(); // then gone altogether
    await made.checkNow();
    await made.checkNow();
    expect(lines.filter((line) => line.event.startsWith('fleet-config-')).map((line) => line.event)).toEqual(['fleet-config-applied', 'fleet-config-unreachable', 'fleet-config-reachable', 'fleet-config-unreachable']);
    expect(storedSerial()).toBe(1);
    await made.stop();
    server = await startFleetServer(certificates); // back, at a new address
    publish(1);
    const again = fetcher();
    await checkOnce(again);
    expect(again.status()).toMatchObject({ serial: 1, lastResult: 'unchanged' });
    await again.stop();

    // A server whose certificate chains to no authority the kiosk trusts is not believed.
    const untrusted = makeTestCertificates('Untrusted');
    const other = await startFleetServer(untrusted);
    const signed = signedDocument(chain, { serial: 5, config: {} });
    other.publish(signed.document, signed.signature);
    const second = fetcher();
    await checkOnce(second, { ...settings(), url: other.url });
    expect(second.status()).toMatchObject({ lastResult: 'unreachable', lastProblem: expect.stringMatching(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|self.signed|unable to verify/i) });
    await second.stop();
    await other.close();
    untrusted.remove();
  });

  it('runs for months: a hundred checks leave no handle or socket behind', { timeout: 60_000 }, async () => {
    publish(1);
    const made = fetcher();
    await checkOnce(made);
    const resources = () => process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap').length;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300)); // closed sockets are released on a later tick
    await settle();
    const before = resources();
    for (let index = 0; index < 100; index += 1) await made.checkNow();
    await settle();
    expect(resources(), process.getActiveResourcesInfo().join(' ')).toBeLessThanOrEqual(before);
    await made.stop();
  });

  it('keeps one timer while configured, and none once stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const made = fetcher();
      made.configure(settings());
      made.configure(settings()); // the same settings again: nothing restarts
      expect(vi.getTimerCount()).toBe(1);
      await made.stop();
      expect(vi.getTimerCount()).toBe(0);
      expect(made.status()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the fleet configuration as a layer of the configuration', () => {
  const FILE = { storeId: '212', terminalId: 'file-terminal', idleResetSeconds: 20, locked: ['storeId'] };
  const provisioning = (extra: Record<string, unknown> = {}) => {
    const file = path.join(dir, 'provisioning.json');
    writeFileSync(file, JSON.stringify({ ...FILE, fleet: { config: { url: server.url, publicKey: chain.publicKey } }, ...extra }));
    return { KIOSK_CONFIG: file };
  };

  it('lies between the file and staff changes; survives a restart offline; a stored one the file\'s key does not verify is ignored', async () => {
    publish(4, { terminalId: 'fleet-terminal', idleResetSeconds: 45, locked: ['idleResetSeconds'] });
    const env = provisioning();
    await checkOnce(fetcher());
    writeFileSync(path.join(dir, 'staff-settings.json'), JSON.stringify({ settings: { terminalId: 'staff-terminal', idleResetSeconds: 9 } }));
    await server.close(); // offline from here on, as after a restart without network
    const loaded = await loadConfig(env, dir);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.config.terminalId).toBe('staff-terminal'); // staff over fleet
    expect(loaded.config.idleResetSeconds).toBe(45); // locked by the fleet: staff's 9 does not apply
    expect(loaded.config.locked).toEqual(['storeId', 'idleResetSeconds']);
    expect(loaded.source.fleet).toMatchObject({ serial: 4 });
    // Without the staff layer, the fleet's value over the file's.
    rmSync(path.join(dir, 'staff-settings.json'));
    const fleetOnly = await loadConfig(env, dir);
    expect(fleetOnly.ok && fleetOnly.config.terminalId).toBe('fleet-terminal');
    // The chain replaced its key in the provisioning file: the stored document no longer applies.
    const rekeyed = await loadConfig(provisioning({ fleet: { config: { url: server.url, publicKey: stranger.publicKey } } }), dir);
    expect(rekeyed.ok && [rekeyed.config.terminalId, rekeyed.source.fleet]).toEqual(['file-terminal', undefined]);
    // A stored file edited on disk is not believed either.
    const stored = JSON.parse(readFileSync(path.join(dir, FLEET_STORE_FILE), 'utf8')) as { document: string };
    stored.document = Buffer.from(Buffer.from(stored.document, 'base64').toString().replace('fleet-terminal', 'edited')).toString('base64');
    writeFileSync(path.join(dir, FLEET_STORE_FILE), JSON.stringify(stored));
    const edited = await loadConfig(env, dir);
    expect(edited.ok && edited.config.terminalId).toBe('file-terminal');
  });

  it('without fleet.config in the provisioning file, no stored document applies', async () => {
    publish(1, { terminalId: 'fleet-terminal' });
    provisioning();
    await checkOnce(fetcher());
    const file = path.join(dir, 'plain.json');
    writeFileSync(file, JSON.stringify(FILE));
    const loaded = await loadConfig({ KIOSK_CONFIG: file }, dir);
    expect(loaded.ok && loaded.config.terminalId).toBe('file-terminal');
  });

  it('an invalid layer is named: the check says which field, and that the fleet configuration is part of it', async () => {
    const env = provisioning();
    const layer: FleetLayer = { serial: 9, config: { idleResetSeconds: 1, storeId: 7 }, receivedAt: new Date().toISOString() };
    const checked = await loadConfig(env, dir, { fleetLayer: layer });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(/with the fleet configuration \(serial 9\) is invalid: .*storeId.*idleResetSeconds|idleResetSeconds.*storeId/);
    const proto = await loadConfig(env, dir, { fleetLayer: { ...layer, config: JSON.parse('{"__proto__": {"storeId": "x"}}') as Record<string, unknown> } });
    expect(proto.ok).toBe(false);
    if (!proto.ok) expect(proto.issues?.map((issue) => issue.field)).toContain('__proto__');
  });
});
