/**
 * The only file in main that touches `ipcMain`. Every contract request is registered here
 * through one function that checks the sender (a main frame of a window main created, showing
 * the app's own origin) and then lets `dispatch` parse the argument before any handler runs.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { events, type Handlers, type Page } from '../shared/contract';
import { wirePush, type CoreTransport, type Push } from '../core/bridge/bind-core';
import { channelsFor, dispatch } from '../core/bridge/dispatch';
import { APP_ORIGIN } from './app-protocol';

/** Where each kind of page lives: a sender must be showing its own page. */
export const PAGE_URLS: Record<Page, string> = {
  ui: `${APP_ORIGIN}/index.html`,
  capture: `${APP_ORIGIN}/capture/capture.html`,
};

export interface IpcBridge extends CoreTransport {
  /** Lets this window's main frame use the bridge, as `page`, and receive that page's pushes. */
  trust(contents: WebContents, page: Page): void;
}

export function setupIpc(handlers: Handlers): IpcBridge {
  const trusted = new Map<WebContents, Page>();
  // Told of each page load (a reload after a crash may have missed pushes meanwhile).
  const greeters: Array<(page: Page, send: (push: Push) => void) => void> = [];
  for (const channel of channelsFor('electron')) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      const page = trustedPage(event, trusted);
      if (!page) throw new Error(`Refused ${channel} from an unknown sender`);
      return dispatch(handlers, 'electron', page, channel, arg);
    });
  }
  return {
    onConnect(greet) {
      greeters.push(greet);
    },
    trust(contents, page) {
      trusted.set(contents, page);
      contents.once('destroyed', () => trusted.delete(contents));
      const send = (push: Push) => {
        const { channel, payload } = wirePush(push);
        if (!contents.isDestroyed()) contents.send(channel, payload);
      };
      contents.on('did-finish-load', () => {
        for (const greet of greeters) greet(page, send);
      });
    },
    publish(name, payload) {
      for (const [contents, page] of trusted) {
        if (page === events[name].page && !contents.isDestroyed()) contents.send(events[name].channel, payload);
      }
    },
  };
}

/** The page a sender is, if it is the main frame of a window main created, showing that page. */
export function trustedPage(event: IpcMainInvokeEvent, trusted: ReadonlyMap<WebContents, Page>): Page | null {
  const frame = event.senderFrame;
  const page = trusted.get(event.sender);
  if (!frame || !page) return null;
  if (frame !== event.sender.mainFrame) return null; // no sub-frames
  const url = frame.url.split(/[?#]/)[0];
  return url === PAGE_URLS[page] ? page : null;
}
