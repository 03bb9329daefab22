/**
 * The page side of the web shell's bridge keeps what arrives while nobody listens (each event's
 * latest payload) for the first listener: the bridge connects before the UI's scripts have
 * loaded, and main's greeting (the session, the look) must not be lost to a listener that was
 * not there yet. A listener that joins others hears pushes from then on, as before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectWsTransport } from '../../electron/web/ws-transport';

/** Just what the transport uses of the browser's WebSocket. */
class FakeSocket {
  static OPEN = 1;
  static last: FakeSocket | null = null;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(public url: string) {
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(data);
  }
  push(event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ event, payload }) });
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the web page bridge transport', () => {
  beforeEach(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { pathname: '/launch-token/', host: '127.0.0.1:1234' });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('connects to its endpoint under the launch token', () => {
    connectWsTransport('bridge');
    expect(FakeSocket.last?.url).toBe('ws://127.0.0.1:1234/launch-token/bridge');
  });

  it("gives the first listener, subscribing after main's greeting, the latest payload, once", async () => {
    const transport = connectWsTransport('bridge');
    FakeSocket.last?.push('kiosk:state', { screen: 'identifying' });
    FakeSocket.last?.push('kiosk:state', { screen: 'ready' });
    const seen: unknown[] = [];
    transport.listen('kiosk:state', (payload) => seen.push(payload));
    expect(seen).toEqual([]); // not during the subscription itself
    await flush();
    expect(seen).toEqual([{ screen: 'ready' }]);
    FakeSocket.last?.push('kiosk:state', { screen: 'member' });
    expect(seen).toEqual([{ screen: 'ready' }, { screen: 'member' }]);
    // A second listener joins a channel that has one: it hears what comes next, nothing before.
    const later: unknown[] = [];
    transport.listen('kiosk:state', (payload) => later.push(payload));
    await flush();
    expect(later).toEqual([]);
    FakeSocket.last?.push('kiosk:state', { screen: 'ready' });
    expect(later).toEqual([{ screen: 'ready' }]);
    // Another channel has nothing kept for it, and a channel the contract does not push is never kept.
    const previews: unknown[] = [];
    transport.listen('kiosk:preview', (payload) => previews.push(payload));
    FakeSocket.last?.push('not:an-event', 'x');
    const strays: unknown[] = [];
    transport.listen('not:an-event', (payload) => strays.push(payload));
    await flush();
    expect(previews).toEqual([]);
    expect(strays).toEqual([]);
  });

  it('gives a kept payload to the listener after one that left at once, and never after a newer one', async () => {
    const transport = connectWsTransport('bridge');
    FakeSocket.last?.push('kiosk:state', { screen: 'ready' });
    const gone: unknown[] = [];
    transport.listen('kiosk:state', (payload) => gone.push(payload))();
    const next: unknown[] = [];
    transport.listen('kiosk:state', (payload) => next.push(payload));
    await flush();
    expect(gone).toEqual([]);
    expect(next).toEqual([{ screen: 'ready' }]);

    FakeSocket.last?.push('kiosk:appearance', { locale: 'nb' });
    const looks: unknown[] = [];
    transport.listen('kiosk:appearance', (payload) => looks.push(payload));
    FakeSocket.last?.push('kiosk:appearance', { locale: 'en' }); // arrives before the kept one is handed over
    await flush();
    expect(looks).toEqual([{ locale: 'en' }]);
  });

  it('gives the kept payload to every listener that subscribes in the same turn', async () => {
    const transport = connectWsTransport('capture-bridge');
    FakeSocket.last?.push('capture:settings-changed', { enabled: true, deviceId: null, fps: 10 });
    const first: unknown[] = [];
    const second: unknown[] = [];
    transport.listen('capture:settings-changed', (payload) => first.push(payload));
    transport.listen('capture:settings-changed', (payload) => second.push(payload));
    await flush();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
  });
});
