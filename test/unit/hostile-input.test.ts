/**
 * Hostile input (issue 20): arbitrary scanned text, arbitrary key events and arbitrary bridge
 * messages are refused cleanly, seeded (helpers/hostile-json.ts). "Cleanly": the parser and
 * the bridge never throw anything but their own refusal, nothing reaches the back end that is
 * not a code, and the kiosk identifies the next scan.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BridgeRequestError, dispatch } from '../../electron/core/bridge/dispatch';
import { createHandlers } from '../../electron/core/bridge/handlers';
import { startKioskCore, type KioskCore } from '../../electron/core/kiosk-core';
import { controlCharacter } from '../../electron/core/scan/control-characters';
import { decodeScannerKey, SCANNER_LAYOUTS } from '../../electron/core/scan/keyboard-layouts';
import { MAX_SCAN_LENGTH, parseScan } from '../../electron/core/scan/parse-scan';
import { SessionMachine } from '../../electron/core/session/session-machine';
import { requestArgs, requests, type Handlers, type RequestName } from '../../electron/shared/contract';
import { createWsBridge } from '../../electron/web/ws-bridge';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { hostileJson, oddString, PROTOTYPE_NAMES, propertyOptions } from '../helpers/hostile-json';

const ORIGINS = ['https://qr.vipps.no', 'https://personal-qr.mobilepay.example'];
const REJECTIONS = new Set(['empty', 'tooLong', 'controlCharacters', 'vippsMalformed', 'unknownFormat']);

/** Text a scanner could send: codes, URLs and their pieces, framing, and anything at all. */
const scannedText = fc.oneof(
  oddString,
  fc.string({ unit: 'binary', maxLength: MAX_SCAN_LENGTH + 20 }),
  fc
    .tuple(
      fc.constantFrom('', '\r', '\n', '\t', '\x02', '\x1d', ']Q1', ' ', '\u200b', '\u202e'),
      fc.oneof(
        fc.stringMatching(/^[0-9]{6}$/),
        fc.uuid().map((uuid) => uuid.toUpperCase()),
        fc.constantFrom('https://qr.vipps.no/28/2/01/031/', 'https://qr.vipps.no/p/', 'HTTPS://QR.VIPPS.NO/p/', 'https://qr.vipps.no.evil.example/p/', 'https://personal-qr.mobilepay.example/').chain((head) =>
          fc.oneof(fc.stringMatching(/^47[0-9]{8}$/), fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.constantFrom(...PROTOTYPE_NAMES), oddString).map((tail) => head + tail),
        ),
      ),
      fc.constantFrom('', '\r', '\r\n', '\t', '\x03', '?v=1', '#x', '%2F', ' '),
    )
    .map(([before, code, after]) => before + code + after),
);

describe('scanned text', () => {
  it('parses to a code of its documented form, or to a named refusal; never throws', () => {
    fc.assert(
      fc.property(scannedText, (raw) => {
        const result = parseScan(raw, { personalQrOrigins: ORIGINS });
        if (!result.ok) {
          expect(REJECTIONS.has(result.reason), result.reason).toBe(true);
          return;
        }
        const { scan } = result;
        if (scan.kind === 'otp') expect(scan.identifier).toMatch(/^[0-9]{6}$/);
        if (scan.kind === 'loyaltyId') expect(scan.identifier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        if (scan.kind === 'vippsPhone') {
          expect(scan.identifier).toMatch(/^47[0-9]{8}$/);
          expect(scan.qrCode.startsWith('https://qr.vipps.no/28/2/01/031/')).toBe(true);
        }
        if (scan.kind === 'vippsToken') expect(ORIGINS.some((origin) => scan.qrCode.startsWith(`${origin}/`)) && !/[\s%#\\]/.test(scan.qrCode)).toBe(true);
      }),
      propertyOptions(3000),
    );
  });

  it('in the session: a refused text sends nothing and shows "not a loyalty code"; a code is identified as parsed', async () => {
    await fc.assert(
      fc.asyncProperty(scannedText, async (raw) => {
        const identified: string[] = [];
        const machine = new SessionMachine({
          identify: async (scan) => {
            identified.push(scan.kind);
            return { kind: 'notFound' };
          },
          settings: () => ({ idleResetSeconds: 3, deadlineMs: () => 1000, duplicateWindowMs: 3000, catalog: new Map(), personalQrOrigins: ORIGINS }),
          now: () => performance.now(),
        });
        machine.scan(raw);
        await Promise.resolve();
        const parsed = parseScan(raw, { personalQrOrigins: ORIGINS });
        if (parsed.ok) expect(identified).toEqual([parsed.scan.kind]);
        else {
          expect(identified).toEqual([]);
          expect(machine.view()).toMatchObject({ screen: 'codeProblem', reason: 'notLoyaltyCode' });
        }
        machine.dispose();
      }),
      propertyOptions(500),
    );
  });
});

/** A key event as the page forwards it, its names often prototype names. */
const keyEvent = fc.record({
  key: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'Enter', 'Tab', 'a', '1', ':', '/'), fc.string({ unit: 'binary', minLength: 1, maxLength: 32 })),
  code: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'KeyA', 'Digit1', 'Enter', 'Semicolon', 'Numpad5', ''), fc.string({ unit: 'binary', maxLength: 32 })),
  ctrl: fc.boolean(),
  alt: fc.boolean(),
  meta: fc.boolean(),
  shift: fc.boolean(),
  capsLock: fc.boolean(),
});

describe('key events', () => {
  it("a key's character is text of one character or none, whatever its names (never something every object inherits)", () => {
    fc.assert(
      fc.property(keyEvent, fc.constantFrom(...SCANNER_LAYOUTS), (key, layout) => {
        const decoded = decodeScannerKey(key, layout);
        expect(decoded === null || (typeof decoded === 'string' && [...decoded].length === 1)).toBe(true);
        const control = controlCharacter(key);
        expect(control === undefined || (typeof control === 'string' && control.length === 1 && control.charCodeAt(0) < 0x20)).toBe(true);
      }),
      propertyOptions(3000),
    );
  });
});

describe('through a kiosk core on the sandbox', () => {
  let dir = '';
  let core: KioskCore;
  let server: WebServer;
  let origin = '';
  let bridgeUrl = '';
  let codes = 200_000;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-hostile-input-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ idleResetSeconds: 3 }));
    core = await startKioskCore({ userDataDir: dir, env: { KIOSK_CONFIG: file }, logger: { info() {}, warn() {}, error() {} } });
    mkdirRenderer(dir);
    server = await startWebServer({ port: 0, token: 'launch-token-0123456789', rendererDir: dir, bridgeScriptsDir: dir, bridge: createWsBridge(createHandlers(core)) });
    origin = new URL(server.url).origin;
    bridgeUrl = `${server.url.replace('http', 'ws')}bridge`;
  });

  afterAll(async () => {
    await server?.close();
    await core?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The sandbox's Farhan, by a code not scanned in the last seconds (a repeat would be ignored). */
  async function expectNextScanIdentifies(): Promise<void> {
    core.session.done();
    core.scan('123456');
    const started = performance.now();
    while (core.session.view().screen !== 'member') {
      if (performance.now() - started > 8000) throw new Error(`no member screen: ${JSON.stringify(core.session.view())}`);
      await sleep(5);
    }
    core.session.done();
    core.scan(String(++codes)); // so that the next 123456 is not a repeat of this one
    core.session.done();
  }

  it('key events with any names go into the wedge detector without harm', async () => {
    let time = 1_000;
    await fc.assert(
      fc.asyncProperty(fc.array(keyEvent, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 60, maxLength: 60 }), async (keys, gaps) => {
        keys.forEach((key, index) => core.keyInput({ ...key, time: (time += gaps[index] ?? 5) }));
        time += 5000; // a quiet moment, so the next test burst is a scan of its own
      }),
      propertyOptions(200),
    );
    await expectNextScanIdentifies();
  });

  it('arbitrary requests to dispatch: the handler runs only with an argument its schema accepts; anything else is a BridgeRequestError', async () => {
    const names = Object.keys(requests) as RequestName[];
    const channel = fc.oneof(fc.constantFrom(...names.map((name) => requests[name].channel)), fc.constantFrom(...PROTOTYPE_NAMES), oddString);
    await fc.assert(
      fc.asyncProperty(channel, fc.constantFrom<'ui' | 'capture'>('ui', 'capture'), fc.oneof(hostileJson, fc.constant(undefined)), async (name, page, arg) => {
        const called: Array<[string, unknown]> = [];
        const handlers = new Proxy({} as Handlers, { get: (_target, key: string) => (value: unknown) => void called.push([key, value]) });
        try {
          await dispatch(handlers, 'web', page, name, arg);
          expect(called).toHaveLength(1);
          const [handler, value] = called[0] ?? ['', undefined];
          expect(requests[handler as RequestName].channel).toBe(name);
          expect(requestArgs[handler as RequestName].safeParse(value).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(BridgeRequestError);
          expect(called).toEqual([]);
        }
      }),
      propertyOptions(3000),
    );
  });

  it('arbitrary WebSocket messages: each answered with a refusal or the socket closed; the kiosk serves the next page and identifies', async () => {
    const message = fc.oneof(
      oddString,
      hostileJson.map((value) => JSON.stringify(value) ?? 'undefined'),
      fc
        .record({ id: fc.oneof(fc.nat(), hostileJson), channel: fc.oneof(fc.constantFrom('kiosk:get-state', 'kiosk:done', 'kiosk:ui-error', 'staff:unlock', 'staff:save', 'kiosk:key-input', 'capture:decoded'), oddString), arg: hostileJson }, { requiredKeys: ['channel'] })
        .map((envelope) => JSON.stringify(envelope)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (messages) => {
        const socket = new WebSocket(bridgeUrl, { origin });
        const answers: Array<{ id?: unknown; ok?: boolean; event?: string }> = [];
        let closed = false;
        socket.on('message', (data) => answers.push(JSON.parse(data.toString()) as { id?: unknown; ok?: boolean }));
        socket.on('close', () => (closed = true));
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        for (const text of messages) if (!closed) socket.send(text);
        // Each message is answered (by its id) or the socket is closed for it: wait for either.
        const started = performance.now();
        while (!closed && answers.filter((answer) => 'ok' in answer).length < messages.length && performance.now() - started < 2000) await sleep(2);
        expect(closed || answers.filter((answer) => 'ok' in answer).length === messages.length).toBe(true);
        socket.terminate();
      }),
      propertyOptions(150),
    );
    // The page that connects next is greeted and answered as ever.
    const socket = new WebSocket(bridgeUrl, { origin });
    const received: Array<{ id?: number; ok?: boolean; result?: unknown }> = [];
    socket.on('message', (data) => received.push(JSON.parse(data.toString()) as { id?: number }));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ id: 1, channel: 'kiosk:get-state' }));
    const started = performance.now();
    while (!received.some((answer) => answer.id === 1) && performance.now() - started < 3000) await sleep(5);
    expect(received.find((answer) => answer.id === 1)).toMatchObject({ ok: true, result: { screen: expect.any(String) } });
    socket.terminate();
    await expectNextScanIdentifies();
  });
});

/** The web server needs a renderer folder to serve from; the bridge is all these tests use. */
function mkdirRenderer(dir: string): void {
  writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body></body></html>');
}
