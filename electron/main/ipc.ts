/**
 * The only file in main that touches `ipcMain`. Every contract request is registered here
 * through one function that checks the sender (a main frame of a window main created, showing
 * the app's own origin) and then lets `dispatch` parse the argument before any handler runs.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { events, type EventName, type EventPayload, type Handlers } from '../shared/contract';
import { channelsFor, dispatch } from '../core/bridge/dispatch';
import { APP_ORIGIN } from './app-protocol';

export interface IpcBridge {
  /** Lets this window's main frame use the bridge and receive pushes. */
  trust(contents: WebContents): void;
  publish<K extends EventName>(name: K, payload: EventPayload<K>): void;
}

export function setupIpc(handlers: Handlers): IpcBridge {
  const trusted = new Set<WebContents>();
  for (const channel of channelsFor('electron')) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isTrustedSender(event, trusted)) throw new Error(`Refused ${channel} from an unknown sender`);
      return dispatch(handlers, 'electron', channel, arg);
    });
  }
  return {
    trust(contents) {
      trusted.add(contents);
      contents.once('destroyed', () => trusted.delete(contents));
    },
    publish(name, payload) {
      for (const contents of trusted) if (!contents.isDestroyed()) contents.send(events[name].channel, payload);
    },
  };
}

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: ReadonlySet<WebContents>): boolean {
  const frame = event.senderFrame;
  if (!frame || !trusted.has(event.sender)) return false;
  if (frame !== event.sender.mainFrame) return false; // no sub-frames
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}
