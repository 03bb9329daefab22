/**
 * Builds `window.kiosk` from the contract over any transport: Electron's preload passes
 * ipcRenderer-backed functions, the web shell's page bridge passes WebSocket-backed ones.
 * Both therefore expose exactly the same, contract-derived API. Only the zod-free channel table
 * is bundled into a page: arguments are validated in main.
 */
import { events, requests, type EventName, type Page, type RequestName } from './channels';
import type { PageApi } from './contract';

export interface BridgeTransport {
  invoke(channel: string, arg: unknown): Promise<unknown>;
  listen(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildPageApi<P extends Page>(page: P, transport: BridgeTransport): PageApi<P> {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(requests) as RequestName[]) {
    const def = requests[name];
    if (!def.exposed || def.page !== page) continue;
    api[name] = (arg?: unknown) => transport.invoke(def.channel, arg);
  }
  for (const name of Object.keys(events) as EventName[]) {
    const { channel, page: eventPage } = events[name];
    if (eventPage !== page) continue;
    const key = `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    api[key] = (listener: (payload: unknown) => void) => transport.listen(channel, listener);
  }
  return Object.freeze(api) as PageApi<P>;
}
