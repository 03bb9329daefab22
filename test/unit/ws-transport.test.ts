/**
 * The page side of the web shell's bridge keeps each event's latest payload for listeners that
 * subscribe later: the bridge connects before the UI's scripts have loaded, and main's greeting
 * (the session, the look) must not be lost to a listener that was not there yet.
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

  it("gives a listener that subscribes after main's greeting the latest payload, once", async () => {
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

  it('gives nothing kept to a listener that left, nor an older payload once a newer one came', async () => {
    const transport = connectWsTransport('bridge');
    FakeSocket.last?.push('kiosk:state', { screen: 'ready' });
    const gone: unknown[] = [];
    transport.listen('kiosk:state', (payload) => gone.push(payload))();
    const staying: unknown[] = [];
    transport.listen('kiosk:state', (payload) => staying.push(payload));
    FakeSocket.last?.push('kiosk:state', { screen: 'identifying' }); // arrives before the kept one is handed over
    await flush();
    expect(gone).toEqual([]);
    expect(staying).toEqual([{ screen: 'identifying' }]);
  });
});
