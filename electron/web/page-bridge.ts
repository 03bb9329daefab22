/**
 * The web shell's stand-in for Electron's preload on the customer UI: runs before the
 * renderer, defines `window.kiosk` from the contract over a WebSocket to main, forwards raw key
 * presses to main's wedge detector (as Electron's `before-input-event` does) while withholding
 * the scanner's keys from the UI, and opens the hidden camera capture page, as Electron's main
 * opens its hidden capture window.
 */
import { requests } from '../shared/channels';
import { buildPageApi } from '../shared/kiosk-api';
import { isPrintableKey, KeyWithholder } from '../shared/key-policy';
import { connectWsTransport } from './ws-transport';

// Main greets every (re)connection with the current session state, so a page whose socket
// dropped catches up without asking.
const transport = connectWsTransport('bridge');

const withholder = new KeyWithholder();
window.addEventListener(
  'keydown',
  (event) => {
    if (!event.isTrusted) return;
    // Staff typing into the staff settings form: theirs, not a scanner's (customer screens have no fields).
    if (isStaffField(event.target)) return;
    const key = {
      key: event.key,
      code: event.code,
      ctrl: event.ctrlKey,
      alt: event.altKey,
      meta: event.metaKey,
      shift: event.shiftKey,
      capsLock: event.getModifierState('CapsLock'),
      time: event.timeStamp,
    };
    if (event.repeat) {
      // A held key repeats faster than a scanner types: keep it from the UI and from the detector.
      if (isPrintableKey(key)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      return;
    }
    if (withholder.decide(key, key.time)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    void transport.invoke(requests.keyInput.channel, key).catch(() => undefined);
  },
  { capture: true },
);

function isStaffField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('input, select, textarea') && target.closest('[data-screen="staff"]') !== null;
}

Object.defineProperty(window, 'kiosk', { value: buildPageApi('ui', transport), enumerable: true });

// The camera comes up once the UI shows its first screen, never before it: in the web shell
// the capture page shares this page's thread, and its page, bridge and worker (with ZXing-C++'s
// 1 MB of WebAssembly) would otherwise load and compile ahead of the customer's screen.
whenFirstScreenShown(() => {
  const frame = document.createElement('iframe');
  frame.src = 'capture/capture.html';
  frame.allow = 'camera';
  frame.title = 'camera';
  frame.hidden = true;
  frame.setAttribute('aria-hidden', 'true');
  document.body.append(frame);
});

/** Calls `then` once the UI's root carries a screen (`data-screen`), after that frame is painted. */
function whenFirstScreenShown(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  // A painted frame, then a task; the timer alone where frames are not drawn (a hidden tab).
  const afterPaint = () => {
    requestAnimationFrame(() => setTimeout(once));
    setTimeout(once, 250);
  };
  const shown = () => document.querySelector('[data-screen]') !== null;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    afterPaint();
  });
  window.addEventListener('DOMContentLoaded', () => {
    if (shown()) return afterPaint();
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
  });
}
