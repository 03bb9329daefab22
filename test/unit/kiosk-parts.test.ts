/**
 * Each part of the core reacting to its own section of a new configuration, through the real
 * configuration holder: the sandbox's life around a switch of back end, the Vipps client (and
 * its token cache) kept while its section is unchanged, the scanners rebuilt only for theirs,
 * the pages told only of what changed.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigHolder } from '../../electron/core/config/config-holder';
import { ConfigSchema } from '../../electron/core/config/config-schema';
import type { ConfigResult } from '../../electron/core/config/load-config';
import { createAppearance } from '../../electron/core/parts/appearance';
import { createBackEnd } from '../../electron/core/parts/back-end';
import { createCamera } from '../../electron/core/parts/camera';
import type { KioskPart } from '../../electron/core/parts/kiosk-part';
import { createScanners } from '../../electron/core/parts/scanners';
import { createTelemetry } from '../../electron/core/parts/telemetry';
import { createVipps } from '../../electron/core/parts/vipps';
import { KioskMetrics } from '../../electron/core/metrics/kiosk-metrics';
import type { SerialPortLike } from '../../electron/core/scan/serial-scanner';
import { HealthStats } from '../../electron/core/staff/health-stats';
import { closedPort, startFakeIdentify, VIPPS_PATHS } from '../helpers/fake-identify-server';

const quiet = { info() {}, warn() {}, error() {} };
const noMetrics = new KioskMetrics({ name: 'test', version: '0' }, { kiosk: () => ({ storeId: '1', terminalId: '1', configValid: true }), scannersUp: () => ({}), handoff: () => ({ pending: 0, oldestPendingSeconds: 0, delivered: 0, rejected: 0, expired: 0, dropped: 0 }) });
const SOURCE = { kind: 'file' as const, path: '/nowhere/kiosk.json', staffPath: '/nowhere/staff.json' };
const PRODUCT = { name: 'Counter Loyalty Kiosk', version: '0.0.0-test' };
const IDENTIFY = { baseUrl: 'https://loyalty.example', token: 'tok' };
const VIPPS = { baseUrl: 'https://apitest.vipps.no', clientId: 'fb492b5e-7907-4d83-ba20-c7fb60ca35de', clientSecret: 's', subscriptionKey: 'k', merchantSerialNumber: '1234' };

let stops: KioskPart[] = [];
afterEach(async () => {
  for (const part of stops) await part.stop?.();
  stops = [];
});

/** A holder with `parts` (made from the holder's `current`), and a way to apply a raw configuration. */
function harness<T extends KioskPart[]>(make: (config: () => ReturnType<ConfigHolder['current']>) => T) {
  const holder = new ConfigHolder(quiet);
  const parts = make(() => holder.current());
  holder.use(parts);
  stops.push(...parts);
  const apply = (raw: Record<string, unknown>) => holder.reload(async (): Promise<ConfigResult> => ({ ok: true, config: ConfigSchema.parse(raw), source: SOURCE }));
  return { holder, parts, apply };
}

describe('the back end part', () => {
  it('starts the sandbox before a switch to it applies, and closes it only after a switch away', async () => {
    const seen: string[] = [];
    const { parts, apply } = harness((config) => {
      const backEnd = createBackEnd({ config, log: quiet });
      // A part after it, as Vipps is: what does it find when told of the new configuration?
      const probe: KioskPart = {
        name: 'probe',
        prepare: ({ after }) => void seen.push(`prepare ${after.identify ? 'identify' : 'sandbox'}: sandbox ${backEnd.sandbox() ? 'up' : 'down'}`),
        apply: ({ after }) => void seen.push(`apply ${after.identify ? 'identify' : 'sandbox'}: sandbox ${backEnd.sandbox() ? 'up' : 'down'}, calls go to ${new URL(backEnd.target().baseUrl).hostname}`),
      };
      return [backEnd, probe] as const;
    });
    await apply({ identify: IDENTIFY });
    await apply({});
    await apply({ identify: IDENTIFY });
    expect(seen).toEqual([
      'prepare identify: sandbox down',
      'apply identify: sandbox down, calls go to loyalty.example',
      'prepare sandbox: sandbox up', // up before the configuration that needs it is current
      'apply sandbox: sandbox up, calls go to 127.0.0.1',
      'prepare identify: sandbox up', // still serving while the switch away is prepared
      'apply identify: sandbox down, calls go to loyalty.example',
    ]);
    expect(parts[0].kind()).toBe('identify');
  });
});

describe('the Vipps part', () => {
  it('keeps its token when only storeId changes: the next exchange asks for no new one', async () => {
    const vippsServer = await startFakeIdentify(() => ({ status: 404, json: {} }), { exchange: () => ({ status: 200, json: { msisdn: '4712345678' } }) });
    try {
      const { parts, apply } = harness((config) => {
        const backEnd = createBackEnd({ config, log: quiet });
        return [backEnd, createVipps({ config, backEnd, product: PRODUCT, metrics: noMetrics, log: quiet })] as const;
      });
      const vipps = { ...VIPPS, baseUrl: vippsServer.baseUrl };
      const tokens = () => vippsServer.requests.filter((request) => request.url === VIPPS_PATHS.token).length;
      const exchange = async () => parts[1].client()!.exchange('https://qr.vipps.no/p/abc', AbortSignal.timeout(5000));
      await apply({ identify: IDENTIFY, vipps, storeId: '1' });
      expect(await exchange()).toEqual({ ok: true, msisdn: '4712345678' });
      await apply({ identify: IDENTIFY, vipps, storeId: '2' });
      expect(await exchange()).toEqual({ ok: true, msisdn: '4712345678' });
      expect(tokens()).toBe(1);
      await apply({ identify: IDENTIFY, vipps: { ...vipps, clientSecret: 'rotated' }, storeId: '2' });
      await exchange();
      expect(tokens()).toBe(2); // new credentials: a new token
    } finally {
      await vippsServer.close();
    }
  });

  it('keeps its client when only storeId changes; makes a new one when its section changes, none without one', async () => {
    const { parts, apply } = harness((config) => {
      const backEnd = createBackEnd({ config, log: quiet });
      return [backEnd, createVipps({ config, backEnd, product: PRODUCT, metrics: noMetrics, log: quiet })] as const;
    });
    const vipps = parts[1];
    await apply({ identify: IDENTIFY, vipps: VIPPS, storeId: '1' });
    const first = vipps.client();
    expect(first?.target.baseUrl).toBe(VIPPS.baseUrl);
    await apply({ identify: IDENTIFY, vipps: VIPPS, storeId: '2' });
    expect(vipps.client()).toBe(first);
    await apply({ identify: IDENTIFY, vipps: { ...VIPPS, merchantSerialNumber: '2345' }, storeId: '2' });
    expect(vipps.client()).not.toBe(first);
    await apply({ identify: IDENTIFY });
    expect([vipps.client(), vipps.kind(), vipps.personalQrOrigins()]).toEqual([null, 'off', ['https://qr.vipps.no']]);
    await apply({});
    expect([vipps.kind(), vipps.personalQrOrigins()]).toEqual(['sandbox', ['https://qr.vipps.no', 'https://personal-qr.mobilepay.example']]);
  });
});

describe('the telemetry part', () => {
  it('restarts a way out only when its own settings change', async () => {
    const { parts, apply } = harness(() => [createTelemetry({ metrics: noMetrics, log: quiet })] as const);
    const telemetry = parts[0];
    const [first, second] = [await closedPort(), await closedPort()];
    const otlp = { url: 'http://127.0.0.1:9/v1/metrics', intervalSeconds: 3600 };
    await apply({ storeId: '1', telemetry: { prometheus: { port: first, token: 'metrics-token-0123456789' }, otlp } });
    expect(telemetry.prometheusAddress()).toBe(`127.0.0.1:${first}`);
    const pusher = telemetry.pusher();
    expect(pusher).not.toBeNull();
    await apply({ storeId: '2', telemetry: { prometheus: { port: first, token: 'metrics-token-0123456789' }, otlp } });
    expect(telemetry.pusher()).toBe(pusher);
    await apply({ storeId: '2', telemetry: { prometheus: { port: second, token: 'metrics-token-0123456789' }, otlp } });
    expect([telemetry.prometheusAddress(), telemetry.pusher()]).toEqual([`127.0.0.1:${second}`, pusher]);
    await apply({ storeId: '2', telemetry: { prometheus: { port: second, token: 'metrics-token-0123456789' }, otlp: { ...otlp, intervalSeconds: 60 } } });
    expect(telemetry.pusher()).not.toBe(pusher);
    await apply({ storeId: '2' });
    expect([telemetry.prometheusAddress(), telemetry.pusher()]).toEqual([null, null]);
  });
});

class QuietPort extends EventEmitter implements SerialPortLike {
  isOpen = false;
  open(callback: (error: Error | null) => void): void {
    this.isOpen = true;
    queueMicrotask(() => callback(null));
  }
  close(callback?: (error: Error | null) => void): void {
    this.isOpen = false;
    callback?.(null);
  }
}

describe('the scanners part', () => {
  it('keeps the wedge detector (and a burst under way) across a reload that leaves scanners.keyboard alone; restarts the serial port only for scanners.serial', async () => {
    const scans: string[] = [];
    const createPort = vi.fn(async () => new QuietPort());
    const { parts, apply } = harness(() => [createScanners({ scan: (text) => scans.push(text), stats: new HealthStats(), metrics: noMetrics, log: quiet, serial: { createPort } })] as const);
    const scanners = parts[0];
    const key = (k: string, time: number) => scanners.keyInput({ key: k, code: k === 'Enter' ? 'Enter' : `Digit${k}`, shift: false, ctrl: false, alt: false, meta: false, time });
    await apply({ scanners: { serial: { path: '/dev/ttyFAKE0' } } });
    await vi.waitFor(() => expect(createPort).toHaveBeenCalledTimes(1));
    [...'123'].forEach((digit, index) => key(digit, 1000 + index * 5));
    await apply({ storeId: '9', scanners: { serial: { path: '/dev/ttyFAKE0' } } }); // mid-burst
    [...'456'].forEach((digit, index) => key(digit, 1015 + index * 5));
    key('Enter', 1035);
    expect(scans).toEqual(['123456']);
    expect(createPort).toHaveBeenCalledTimes(1);
    await apply({ storeId: '9', scanners: { serial: { path: '/dev/ttyFAKE1' } } });
    await vi.waitFor(() => expect(createPort).toHaveBeenCalledTimes(2));
  });
});

describe('the camera and appearance parts', () => {
  it('tell the pages only when their own section changed', async () => {
    const cameraSettings: unknown[] = [];
    const looks: unknown[] = [];
    const { parts, apply } = harness((config) => [
      createCamera({ config, scan: () => undefined, log: quiet }),
      createAppearance({ config, source: () => SOURCE, userDataDir: '/nowhere', log: quiet }),
    ] as const);
    await apply({});
    parts[0].onSettings((settings) => cameraSettings.push(settings));
    parts[1].onAppearance((appearance) => looks.push(appearance.locale));
    await apply({ storeId: '2' });
    await apply({ storeId: '2', scanners: { camera: { fps: 5 } } });
    await apply({ storeId: '2', scanners: { camera: { fps: 5 } }, locale: 'nb' });
    expect(cameraSettings).toEqual([{ enabled: true, deviceId: null, fps: 5, focusDistance: null }]);
    expect(looks).toEqual(['nb']);
  });

  it('the camera scans only while enabled', async () => {
    const scans: string[] = [];
    const { parts, apply } = harness((config) => [createCamera({ config, scan: (text) => scans.push(text), log: quiet })] as const);
    await apply({ scanners: { camera: { enabled: false } } });
    parts[0].scan('123456');
    await apply({});
    parts[0].scan('234567');
    expect(scans).toEqual(['234567']);
  });
});
