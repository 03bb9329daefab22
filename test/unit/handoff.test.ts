/**
 * The hand-off to the till: signed pushes retried until acknowledged, exactly one accepted
 * delivery per identification with a stable key, in order, persisted across restarts, bounded,
 * expiring; the pull feed behind its bearer token; payloads that match the published schema.
 */
import Ajv from 'ajv';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedServer } from '../../electron/core/handoff/feed-server';
import { HandoffService } from '../../electron/core/handoff/handoff-service';
import { IDENTIFIED_BY, identifiedByOf, memberIdentification, notMemberIdentification, type Identification } from '../../electron/core/handoff/identification';
import { HandoffJournal, JOURNAL_FILE, type PendingDelivery } from '../../electron/core/handoff/journal';
import { signature, verifySignature } from '../../electron/core/handoff/signature';
import { startFakeTill, type FakeTill } from '../helpers/fake-till';

const SECRET = 'till-secret-0123456789abcdef';
const TOKEN = 'feed-token-0123456789abcdef';
const quiet = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../docs/handoff/identification.schema.json'), 'utf8')) as object;
// Formats are checked by hand below (ajv's need another package).
const validate = new Ajv({ strict: true, validateFormats: false }).compile(schema);

let dir = '';
let till: FakeTill | null = null;
let service: HandoffService | null = null;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-handoff-'));
  quiet.warn.mockClear();
});
afterEach(async () => {
  await service?.stop();
  service = null;
  await till?.close();
  till = null;
  rmSync(dir, { recursive: true, force: true });
});

const member = (transactionId: string | null, name = 'Farhan Ahmed') =>
  memberIdentification(
    { loyaltyId: 'user-7', name, points: { amount: 14464, currency: 'points' }, order: [{ productId: '1001', quantity: 1, productType: 'REWARD' }, { productId: '2002', quantity: 2, productType: 'OFFER' }], transactionId },
    { identifiedBy: 'appCode', storeId: '4242', terminalId: 'kiosk-7', catalog: new Map([['1001', 'Whopper Jr.']]), now: new Date() },
  );

function handoffConfig(url: string | null, extra: Record<string, unknown> = {}) {
  return { url, secret: SECRET, ttlSeconds: 900, maxPending: 200, timeoutMs: 2000, listen: null, ...extra };
}

async function startService(config: ReturnType<typeof handoffConfig>) {
  const handoff = new HandoffService({ dir, log: quiet, backoffMs: () => 50 });
  await handoff.configure(config as never);
  service = handoff;
  return handoff;
}

describe('the identification', () => {
  it('matches the published JSON Schema, for a member and a non-member, and never holds a code or phone number', () => {
    for (const identification of [member('txn-1'), member(null, ''), notMemberIdentification({ identifiedBy: 'phoneNumber', storeId: '1', terminalId: '2', catalog: new Map(), now: new Date() })]) {
      expect(validate(identification), JSON.stringify(validate.errors)).toBe(true);
      expect(Number.isNaN(Date.parse(identification.identifiedAt))).toBe(false);
    }
    const payload = member('txn-1');
    expect(payload).toMatchObject({ id: 'txn-1', kind: 'member', transactionId: 'txn-1', loyaltyUserId: 'user-7', firstName: 'Farhan', points: { amount: 14464, currency: 'points' } });
    expect(payload.orderLines).toEqual([
      { productId: '1001', name: 'Whopper Jr.', quantity: 1, productType: 'REWARD' },
      { productId: '2002', name: null, quantity: 2, productType: 'OFFER' },
    ]);
    expect(member(null).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the schema is strict: an extra field or a wrong type fails it', () => {
    expect(validate({ ...member('t'), phoneNumber: '4712345678' })).toBe(false);
    expect(validate({ ...member('t'), kind: 'codeProblem' })).toBe(false);
  });

  it('says how the customer was identified (schema version 2): each kind of scan, by its own name; none other passes the schema', () => {
    expect((['otp', 'loyaltyId', 'vippsToken', 'vippsPhone'] as const).map(identifiedByOf)).toEqual(['appCode', 'loyaltyId', 'personalQrToken', 'phoneNumber']);
    expect([...IDENTIFIED_BY]).toEqual(['appCode', 'loyaltyId', 'personalQrToken', 'phoneNumber']);
    expect(member('t')).toMatchObject({ schemaVersion: 2, identifiedBy: 'appCode' });
    for (const identifiedBy of IDENTIFIED_BY) expect(validate({ ...member('t'), identifiedBy })).toBe(true);
    expect(validate({ ...member('t'), identifiedBy: 'typedCode' })).toBe(false);
    const withoutIt: Record<string, unknown> = { ...member('t') };
    delete withoutIt.identifiedBy;
    expect(validate(withoutIt)).toBe(false);
    expect(validate({ ...member('t'), schemaVersion: 1 })).toBe(false);
  });
});

describe('the signature', () => {
  const body = JSON.stringify(member('txn-1'));
  it('verifies with the secret and the timestamp, and only then', () => {
    const now = 1_790_000_000;
    const header = signature(body, SECRET, now);
    expect(header).toMatch(/^t=1790000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, body, SECRET, now + 10)).toEqual({ ok: true });
    expect(verifySignature(header, body.replace('14464', '99999'), SECRET, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(header, body, 'another-secret-0123456789', now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(header, body, SECRET, now + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(header.replace('t=1790000000', 't=1790000100'), body, SECRET, now + 100)).toEqual({ ok: false, reason: 'mismatch' }); // a replay with a new time
    expect(verifySignature(undefined, body, SECRET, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('pushing to the till', () => {
  it('a till that fails the first two deliveries, then accepts: one accepted delivery, signature valid, the same key each time', async () => {
    till = await startFakeTill(SECRET);
    till.answer = ({ call }) => (call <= 2 ? 503 : 200);
    const handoff = await startService(handoffConfig(till.url));
    const identification = member('txn-42');
    await handoff.record(identification);
    await vi.waitFor(() => expect(handoff.health().push).toMatchObject({ pending: 0, delivered: 1, lastResult: 'delivered' }), { timeout: 5000 });
    expect(till.deliveries.map((delivery) => delivery.status)).toEqual([503, 503, 200]);
    expect(till.deliveries.every((delivery) => delivery.signatureValid)).toBe(true);
    expect(new Set(till.deliveries.map((delivery) => delivery.idempotencyKey))).toEqual(new Set(['txn-42']));
    expect(till.accepted).toEqual([identification]);
  });

  it('delivers in order: a later identification waits for the one before it', async () => {
    till = await startFakeTill(SECRET);
    till.answer = ({ call }) => (call === 1 ? 500 : 200);
    const handoff = await startService(handoffConfig(till.url));
    for (const id of ['txn-1', 'txn-2', 'txn-3']) await handoff.record(member(id));
    await vi.waitFor(() => expect(till?.accepted).toHaveLength(3), { timeout: 5000 });
    expect((till.accepted as Identification[]).map((identification) => identification.id)).toEqual(['txn-1', 'txn-2', 'txn-3']);
  });

  it('resends what was pending after a restart, in order, and a till that took it before sees the same key', async () => {
    till = await startFakeTill(SECRET);
    till.answer = () => 503;
    const first = await startService(handoffConfig(till.url));
    await first.record(member('txn-a'));
    await first.record(member('txn-b'));
    await vi.waitFor(() => expect(till?.deliveries.length).toBeGreaterThan(0));
    await first.stop(); // as a crash would leave it: both on disk, neither acknowledged
    service = null;
    till.answer = () => 200;
    const second = await startService(handoffConfig(till.url));
    await vi.waitFor(() => expect(till?.accepted).toHaveLength(2), { timeout: 5000 });
    expect((till.accepted as Identification[]).map((identification) => identification.id)).toEqual(['txn-a', 'txn-b']);
    // The till records a delivery before its answer reaches the kiosk: the queue empties a moment later.
    await vi.waitFor(() => expect(second.health().push?.pending).toBe(0), { timeout: 5000 });
  });

  it('gives up at the TTL: logged, and the next identification goes through', async () => {
    till = await startFakeTill(SECRET);
    till.answer = ({ idempotencyKey }) => (idempotencyKey === 'txn-old' ? 500 : 200);
    const handoff = await startService(handoffConfig(till.url));
    const old: Identification = { ...member('txn-old'), identifiedAt: new Date(Date.now() - 899_700).toISOString() }; // 0.3 s left
    await handoff.record(old);
    await handoff.record(member('txn-new'));
    await vi.waitFor(() => expect(handoff.health().push).toMatchObject({ expired: 1, delivered: 1, pending: 0 }), { timeout: 5000 });
    expect((till.accepted as Identification[]).map((identification) => identification.id)).toEqual(['txn-new']);
    expect(quiet.warn).toHaveBeenCalledWith('handoff-expired', expect.anything());
  });

  it('is bounded: when full, the oldest waiting delivery gives way, logged', async () => {
    till = await startFakeTill(SECRET);
    till.answer = () => 'hang';
    const handoff = await startService(handoffConfig(till.url, { maxPending: 2, timeoutMs: 60_000 }));
    for (const id of ['txn-1', 'txn-2', 'txn-3', 'txn-4']) await handoff.record(member(id));
    expect(handoff.health().push).toMatchObject({ pending: 2, dropped: 2 });
    expect(quiet.warn).toHaveBeenCalledWith('handoff-dropped', expect.anything());
    // txn-1 is in flight (the till holds the call), so txn-2 and txn-3 gave way.
    const journal = readFileSync(path.join(dir, JOURNAL_FILE), 'utf8');
    expect(journal).toContain('"id":"txn-2","result":"dropped"');
    expect(journal).toContain('"id":"txn-3","result":"dropped"');
  });

  it('a till that refuses the request itself (422) gives it up at once: the customers after it are not held up', async () => {
    till = await startFakeTill(SECRET);
    till.answer = ({ idempotencyKey }) => (idempotencyKey === 'txn-bad' ? 422 : 200);
    const handoff = await startService(handoffConfig(till.url));
    await handoff.record(member('txn-bad'));
    await handoff.record(member('txn-good'));
    await vi.waitFor(() => expect(handoff.health().push).toMatchObject({ rejected: 1, delivered: 1, pending: 0 }), { timeout: 3000 });
    expect(till.deliveries.filter((delivery) => delivery.idempotencyKey === 'txn-bad')).toHaveLength(1);
    expect(quiet.error).toHaveBeenCalledWith('handoff-rejected', expect.objectContaining({ detail: 'HTTP 422' }));
  });

  it('a 401 (a wrong secret staff can fix) is retried, not given up', async () => {
    till = await startFakeTill(SECRET);
    till.answer = ({ call }) => (call <= 2 ? 401 : 200);
    const handoff = await startService(handoffConfig(till.url));
    await handoff.record(member('txn-1'));
    await vi.waitFor(() => expect(till?.accepted).toHaveLength(1), { timeout: 3000 });
    expect(handoff.health().push).toMatchObject({ rejected: 0, delivered: 1 });
  });

  it('tells the metrics how long the oldest has waited, from when its customer was identified, whatever the TTL is now', async () => {
    till = await startFakeTill(SECRET);
    till.answer = () => 503;
    const handoff = new HandoffService({ dir, log: quiet, backoffMs: () => 60_000 });
    await handoff.configure(handoffConfig(till.url) as never);
    service = handoff;
    const identification = member('txn-1');
    await handoff.record(identification);
    const later = Date.parse(identification.identifiedAt) + 90_000;
    expect(handoff.counts(later)).toMatchObject({ pending: 1, oldestPendingSeconds: 90 });
    await handoff.configure(handoffConfig(till.url, { ttlSeconds: 86_400 }) as never);
    expect(handoff.counts(later)).toMatchObject({ pending: 1, oldestPendingSeconds: 90 });
  });

  it('a new identification is sent at once, even while the one before waits for its next try', async () => {
    till = await startFakeTill(SECRET);
    till.answer = ({ call }) => (call === 1 ? 503 : 200);
    const handoff = new HandoffService({ dir, log: quiet, backoffMs: () => 60_000 }); // a long backoff
    await handoff.configure(handoffConfig(till.url) as never);
    service = handoff;
    await handoff.record(member('txn-1'));
    await vi.waitFor(() => expect(till?.deliveries).toHaveLength(1));
    await handoff.record(member('txn-2'));
    await vi.waitFor(() => expect(till?.accepted).toHaveLength(2), { timeout: 3000 });
    expect((till.accepted as Identification[]).map((identification) => identification.id)).toEqual(['txn-1', 'txn-2']);
  });

  it('a transactionId that cannot travel in a header (a line break, empty) is replaced by a UUID', () => {
    for (const bad of ['txn\r\nevent: forged', '', 'has space']) expect(member(bad).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(member('txn\r\nevent: forged').transactionId).toBeNull();
  });

  it('with pushing turned off, what waits still expires, and stays visible to staff until then', async () => {
    const handoff = await startService(handoffConfig('http://127.0.0.1:9/never'));
    const soon: Identification = { ...member('txn-soon'), identifiedAt: new Date(Date.now() - 899_700).toISOString() };
    await handoff.configure({ ...handoffConfig(null), secret: undefined } as never);
    // Queue it directly, as a restart would find it: the url is off now.
    await (handoff as unknown as { sender: { enqueue(delivery: PendingDelivery): Promise<void> } }).sender.enqueue({ id: soon.id, body: JSON.stringify(soon), expiresAt: Date.parse(soon.identifiedAt) + 900_000 });
    expect(handoff.health().push).toMatchObject({ url: '(push turned off)', pending: 1 });
    await vi.waitFor(() => expect(handoff.health().push).toBeNull(), { timeout: 3000 });
    await vi.waitFor(() => expect(readFileSync(path.join(dir, JOURNAL_FILE), 'utf8')).toBe('')); // nothing kept on disk
  });

  it('a hand-off only in the pull feed writes no journal and sends nothing', async () => {
    const handoff = await startService(handoffConfig(null, { secret: undefined }));
    await handoff.record(member('txn-1'));
    expect(handoff.health().push).toBeNull();
    expect(() => statSync(path.join(dir, JOURNAL_FILE))).toThrow();
  });
});

describe('the journal', () => {
  const delivery = (id: string): PendingDelivery => ({ id, body: `{"id":"${id}"}`, expiresAt: Date.now() + 60_000 });

  it('is on disk when add() resolves, owner-only, and comes back in order after reopening', async () => {
    const { journal } = await HandoffJournal.open(dir);
    await journal.add(delivery('a'));
    await journal.add(delivery('b'));
    await journal.add(delivery('c'));
    expect(readFileSync(path.join(dir, JOURNAL_FILE), 'utf8').trim().split('\n')).toHaveLength(3);
    await journal.done('b', 'delivered');
    await journal.close();
    if (process.platform !== 'win32') expect(statSync(path.join(dir, JOURNAL_FILE)).mode & 0o777).toBe(0o600);
    const reopened = await HandoffJournal.open(dir);
    expect(reopened.pending.map((entry) => entry.id)).toEqual(['a', 'c']);
    await reopened.journal.close();
  });

  it('skips a torn last line (a power cut mid-write) and anything that is not a record', async () => {
    writeFileSync(path.join(dir, JOURNAL_FILE), `${JSON.stringify({ op: 'add', ...delivery('a') })}\n{"op":"add","id":"b","bo\nnot json\n`);
    const { journal, pending, skipped } = await HandoffJournal.open(dir);
    expect(pending.map((entry) => entry.id)).toEqual(['a']);
    expect(skipped).toBe(2);
    await journal.close();
  });

  it('keeps nothing delivered on disk once nothing is pending', async () => {
    const { journal } = await HandoffJournal.open(dir);
    await journal.add(delivery('a'));
    await journal.done('a', 'delivered');
    expect(readFileSync(path.join(dir, JOURNAL_FILE), 'utf8')).toBe('');
    await journal.close();
  });

  it('goes on appending when a rewrite fails (a full disk): nothing is lost, nothing is stuck', async () => {
    const { journal } = await HandoffJournal.open(dir);
    await journal.add(delivery('a'));
    await journal.add(delivery('b'));
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o500); // the rewrite's temporary file cannot be made
    try {
      await journal.done('a', 'delivered');
      await journal.done('b', 'delivered'); // nothing pending: a rewrite, which fails
      await journal.add(delivery('c'));
    } finally {
      chmodSync(dir, 0o700);
    }
    await journal.close();
    const reopened = await HandoffJournal.open(dir);
    expect(reopened.pending.map((entry) => entry.id)).toEqual(['c']);
    await reopened.journal.close();
  });

  it('refuses writes once closed', async () => {
    const { journal } = await HandoffJournal.open(dir);
    await journal.close();
    await expect(journal.add(delivery('late'))).rejects.toThrow('closed');
  });

  it('compacts itself: after many deliveries the file holds only what is pending', async () => {
    const { journal } = await HandoffJournal.open(dir);
    await journal.add(delivery('keep'));
    for (let n = 0; n < 60; n++) {
      await journal.add(delivery(`d${n}`));
      await journal.done(`d${n}`, 'delivered');
    }
    const lines = readFileSync(path.join(dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(30);
    expect(lines[0]).toContain('"id":"keep"');
    await journal.close();
  });
});

describe('the pull feed', () => {
  let feed: FeedServer | null = null;
  afterEach(async () => {
    await feed?.close();
    feed = null;
  });

  async function startFeed() {
    feed = await FeedServer.start({ host: '127.0.0.1', port: 0, token: TOKEN, log: quiet });
    return `http://${feed.address()}`;
  }

  it('answers 401 without the right bearer token, whatever the path', async () => {
    const base = await startFeed();
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-token' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }, { authorization: `Bearer ${TOKEN}x` }];
    for (const headers of attempts) {
      const response = await fetch(`${base}/v1/identifications/latest`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await fetch(`${base}/anything`)).status).toBe(401);
    // The scheme's name is case-insensitive (RFC 9110); the token is not.
    expect((await fetch(`${base}/v1/identifications/latest`, { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(204);
  });

  it('latest: 204 before any identification, then the newest one; 404 elsewhere, 405 for other methods', async () => {
    const base = await startFeed();
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${base}/v1/identifications/latest`, { headers: auth })).status).toBe(204);
    const identification = member('txn-9');
    feed?.publish({ id: identification.id, body: JSON.stringify(identification), expiresAt: Date.now() + 60_000 });
    const response = await fetch(`${base}/v1/identifications/latest`, { headers: auth });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(identification);
    expect((await fetch(`${base}/v1/other`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${base}/v1/identifications/latest`, { method: 'POST', headers: auth })).status).toBe(405);
  });

  it('an expired identification is no longer the latest', async () => {
    const base = await startFeed();
    feed?.publish({ id: 'old', body: '{}', expiresAt: Date.now() - 1 });
    expect((await fetch(`${base}/v1/identifications/latest`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(204);
  });

  it('the event stream delivers the next identification; Last-Event-ID replays what was missed', async () => {
    const base = await startFeed();
    const first = member('txn-1');
    feed?.publish({ id: first.id, body: JSON.stringify(first), expiresAt: Date.now() + 60_000 });
    const controller = new AbortController();
    const response = await fetch(`${base}/v1/identifications/events`, { headers: { authorization: `Bearer ${TOKEN}`, 'last-event-id': 'txn-0-unknown' }, signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const next = member('txn-2');
    await vi.waitFor(() => expect(feed?.streamCount()).toBe(1));
    feed?.publish({ id: next.id, body: JSON.stringify(next), expiresAt: Date.now() + 60_000 });
    const wanted = `id: txn-2\nevent: identification\ndata: ${JSON.stringify(next)}\n\n`;
    let text = '';
    while (!text.includes(wanted)) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`the stream ended early: ${text}`);
      text += new TextDecoder().decode(chunk.value);
    }
    expect(text).toContain(`id: txn-2\nevent: identification\ndata: ${JSON.stringify(next)}\n\n`);
    expect(text).not.toContain('txn-1'); // an unknown Last-Event-ID replays nothing
    await reader.cancel();
    controller.abort();

    const again = await fetch(`${base}/v1/identifications/events`, { headers: { authorization: `Bearer ${TOKEN}`, 'last-event-id': 'txn-1' }, signal: AbortSignal.timeout(2000) });
    const replay = again.body!.getReader();
    let replayed = '';
    while (!replayed.includes('id: txn-2')) {
      const chunk = await replay.read();
      if (chunk.done) throw new Error(`the replay ended early: ${replayed}`);
      replayed += new TextDecoder().decode(chunk.value);
    }
    expect(replayed).toContain(`data: ${JSON.stringify(next)}`);
    await replay.cancel();
  });
});
