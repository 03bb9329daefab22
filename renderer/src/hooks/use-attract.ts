/**
 * The attract screen: after `seconds` on `ready` with nobody there (no scan, no touch, no key),
 * show how to scan; a touch or a key ends it, and any scan works at once (main never waits for
 * the page). Starting it also forgets the last customer's choices: they walked away.
 */
import { useEffect } from 'react';
import { startAttract, stopAttract } from '../customer-store';
import { useIdleTimer } from './use-idle-timer';

export function useAttract(onReady: boolean, seconds: number): void {
  useIdleTimer(seconds * 1000, startAttract, { enabled: onReady, onActivity: stopAttract });
  // Attract mode is a property of `ready` only.
  useEffect(() => {
    if (!onReady) stopAttract();
  }, [onReady]);
}
