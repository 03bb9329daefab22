/**
 * Every listener beyond loopback speaks TLS (issue 20 §4, issue 23): the configuration refuses a
 * LAN host without `tls`, naming the field; paths are the provisioning file's folder's; the
 * one shared listener (http/listener.ts) serves the till's feed, /metrics and the support API
 * over TLS with a certificate made by the test, and refuses plain HTTP beyond loopback itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLoopbackHost } from '../../electron/core/config/listener-schema';
import { loadConfig } from '../../electron/core/config/load-config';
import { FeedServer } from '../../electron/core/handoff/feed-server';
import { startListener } from '../../electron/core/http/listener';
import { KioskMetrics } from '../../electron/core/metrics/kiosk-metrics';
import { startPrometheusEndpoint } from '../../electron/core/metrics/prometheus-endpoint';
import { httpsRequest } from '../helpers/https-client';
import { makeTestCertificates, type TestCertificates } from '../helpers/tls-certificates';

const quiet = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const FEED_TOKEN = 'feed-token-0123456789abcdef';
const METRICS_TOKEN = 'scrape-token-0123456789abcdef';
const API_TOKEN = 'support-token-0123456789abcdef0123456789';
let certificates: TestCertificates;
let dir: string;

beforeAll(() => {
  certificates = makeTestCertificates();
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-listeners-'));
});
afterAll(() => {
  certificates.remove();
  rmSync(dir, { recursive: true, force: true });
});

async function load(config: Record<string, unknown>) {
  const file = path.join(dir, 'provisioning.json');
  writeFileSync(file, JSON.stringify(config));
  return loadConfig({ KIOSK_CONFIG: file }, dir);
}

describe('the configuration', () => {
  const lan = '192.168.1.50';
  const listeners = {
    'handoff.listen': { handoff: { url: null, listen: { host: lan, port: 7801, token: FEED_TOKEN } } },
    'telemetry.prometheus': { telemetry: { prometheus: { host: lan, port: 9464, token: METRICS_TOKEN } } },
    'fleet.api': { fleet: { api: { host: '0.0.0.0', port: 7802, token: API_TOKEN } } },
  };

  it.each(Object.entries(listeners))('refuses %s on a LAN address without tls, naming the field', async (field, config) => {
    const result = await load(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ field: `${field}.tls`, code: 'tlsRequired' })]);
    expect(result.error).toContain(`${field}.tls: is required for a host other than loopback`);
  });

  it('takes them with tls, the files relative to the provisioning file\'s folder; loopback needs none', async () => {
    const tls = { cert: 'certs/kiosk.pem', key: 'certs/kiosk.key' };
    const result = await load({
      handoff: { url: null, listen: { host: lan, port: 7801, token: FEED_TOKEN, tls } },
      telemetry: { prometheus: { host: '127.0.0.1', port: 9464, token: METRICS_TOKEN } },
      fleet: { api: { host: '::1', port: 7802, token: API_TOKEN } },
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.config.handoff?.listen?.tls).toEqual({ cert: path.join(dir, 'certs/kiosk.pem'), key: path.join(dir, 'certs/kiosk.key') });
    expect(result.config.telemetry?.prometheus?.tls).toBeUndefined();
  });

  it('the support API wants a token of 32 characters or more, from the file or KIOSK_FLEET_API_TOKEN', async () => {
    const short = await load({ fleet: { api: { port: 7802, token: 'only-twenty-characters' } } });
    expect(!short.ok && short.issues).toEqual([expect.objectContaining({ field: 'fleet.api.token', code: 'sharedSecretShort', params: { minimum: 32 } })]);
    const missing = await load({ fleet: { api: { port: 7802 } } });
    expect(!missing.ok && missing.issues).toEqual([expect.objectContaining({ field: 'fleet.api.token', code: 'missingNoStaff' })]);
    const file = path.join(dir, 'provisioning.json');
    const fromEnv = await loadConfig({ KIOSK_CONFIG: file, KIOSK_FLEET_API_TOKEN: API_TOKEN }, dir);
    expect(fromEnv.ok && fromEnv.config.fleet?.api?.token).toBe(API_TOKEN);
  });

  it('loopback is an address, not a name that starts like one', () => {
    expect(['127.0.0.1', '127.3.2.1', '::1', 'localhost'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['127.evil.example', '127.0.0.1.nip.io', '0.0.0.0', '::', '192.168.1.50', 'kiosk.local'].map(isLoopbackHost)).toEqual([false, false, false, false, false, false]);
  });
});

describe('the listeners over TLS', () => {
  const tls = () => ({ cert: certificates.certFile, key: certificates.keyFile });

  it('the till\'s feed: TLS 1.2 or newer with the configured certificate, the token still required; plain HTTP gets nowhere', async () => {
    const feed = await FeedServer.start({ host: '127.0.0.1', port: 0, tls: tls(), token: FEED_TOKEN, log: quiet });
    try {
      expect(feed.scheme()).toBe('https');
      const url = `https://${feed.address()}/v1/identifications/latest`;
      const answer = await httpsRequest(url, { ca: certificates.ca, headers: { authorization: `Bearer ${FEED_TOKEN}` } });
      expect([answer.status, answer.protocol]).toEqual([204, 'TLSv1.3']);
      expect((await httpsRequest(url, { ca: certificates.ca })).status).toBe(401);
      await expect(fetch(url.replace('https:', 'http:'))).rejects.toThrow();
      // A client that does not trust the certificate does not get through.
      const other = makeTestCertificates('Other');
      await expect(httpsRequest(url, { ca: other.ca })).rejects.toThrow(/certificate|verify/i);
      other.remove();
    } finally {
      await feed.close();
    }
  });

  it('/metrics: scraped over TLS with the bearer token', async () => {
    const metrics = new KioskMetrics({ name: 'Counter Loyalty Kiosk', version: '1.2.3' }, { kiosk: () => ({ storeId: '212', terminalId: 'k1', configValid: true }), scannersUp: () => ({}), handoff: () => ({ pending: 0, oldestPendingSeconds: 0, delivered: 0, rejected: 0, expired: 0, dropped: 0 }) });
    const endpoint = await startPrometheusEndpoint({ host: '127.0.0.1', port: 0, tls: tls(), token: METRICS_TOKEN, scrape: () => metrics.scrape(), log: quiet });
    try {
      const answer = await httpsRequest(`https://${endpoint.address()}/metrics`, { ca: certificates.ca, headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toContain('kiosk_info{version="1.2.3",store_id="212",terminal_id="k1"} 1');
    } finally {
      await endpoint.close();
      await metrics.shutdown();
    }
  });

  it('a certificate that cannot be read, or a key that is not its own, is an error naming the field; nothing listens', async () => {
    await expect(startListener('fleet.api', { host: '127.0.0.1', port: 0, tls: { cert: path.join(dir, 'missing.pem'), key: certificates.keyFile } }, () => undefined)).rejects.toThrow(
      `fleet.api.tls.cert: cannot be read (no such file: ${path.join(dir, 'missing.pem')})`,
    );
    const other = makeTestCertificates('Other');
    await expect(startListener('handoff.listen', { host: '127.0.0.1', port: 0, tls: { cert: certificates.certFile, key: other.keyFile } }, () => undefined)).rejects.toThrow(/^handoff\.listen\.tls: the certificate and key cannot be used together/);
    other.remove();
    await expect(startListener('handoff.listen', { host: '0.0.0.0', port: 0 }, () => undefined)).rejects.toMatchObject({ code: 'ETLSREQUIRED', message: expect.stringMatching(/^handoff\.listen\.tls: is required/) });
  });
});
