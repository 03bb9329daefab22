/**
 * Connects the core to a shell's transport (Electron's IPC, the web shell's WebSocket), the same
 * way in both: every change the pages show is pushed as it happens, and a page that (re)connects
 * is first told what it may have missed meanwhile (the session, the look, the keypad, the camera
 * hint, the camera settings).
 */
import { events, type EventName, type EventPayload, type Page } from '../../shared/contract';
import type { KioskCore } from '../kiosk-core';

/** One push: an event of the contract and its payload. */
export type Push = { [K in EventName]: { name: K; payload: EventPayload<K> } }[EventName];

export interface CoreTransport {
  /** To every page of the event's kind. */
  publish<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** Calls `greet` each time a page (re)connects, with a way to push to that page alone. */
  onConnect(greet: (page: Page, send: (push: Push) => void) => void): void;
}

/** What a page is told as it (re)connects. */
export function greeting(core: KioskCore, page: Page): Push[] {
  return page === 'capture'
    ? [{ name: 'cameraSettings', payload: core.cameraSettings() }]
    : [
        { name: 'state', payload: core.session.view() },
        { name: 'appearance', payload: core.appearance() },
        { name: 'keypad', payload: core.keypad.view() },
        { name: 'cameraHint', payload: core.cameraHint() },
      ];
}

/** Binds `core` to `transport`; returns the unbinding. */
export function bindCoreToTransport(core: KioskCore, transport: CoreTransport): () => void {
  transport.onConnect((page, send) => greeting(core, page).forEach(send));
  const unsubscribe = [
    core.session.subscribe((view) => transport.publish('state', view)),
    core.camera.onPreview((preview) => transport.publish('preview', preview)),
    core.onAppearance((appearance) => transport.publish('appearance', appearance)),
    core.onCameraSettings((settings) => transport.publish('cameraSettings', settings)),
    core.keypad.onView((view) => transport.publish('keypad', view)),
    core.keypad.onKeys((keys) => transport.publish('keypadKeys', keys)),
    core.onCameraHint((hint) => transport.publish('cameraHint', hint)),
  ];
  return () => unsubscribe.forEach((off) => off());
}

/** The wire form of a push: the contract's channel name and the payload. */
export function wirePush(push: Push): { channel: string; payload: unknown } {
  return { channel: events[push.name].channel, payload: push.payload };
}
