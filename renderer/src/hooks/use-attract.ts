/**
 * The attract screen: after `seconds` on `ready` with nobody there (no scan, no touch, no key),
 * show how to scan; a touch or a key ends it, and any scan works at once (main never waits for
 * the page). Starting it also forgets the last customer's choices: they walked away.
 */
import { useEffect } from 'react';
import { startAttract, stopAttract, useCustomerStore } from '../customer-store';

export function useAttract(onReady: boolean, seconds: number): void {
  const attract = useCustomerStore((state) => state.attract);
  useEffect(() => {
    if (!onReady) {
      stopAttract();
      return;
    }
    let timer = setTimeout(startAttract, seconds * 1000);
    const activity = () => {
      stopAttract();
      clearTimeout(timer);
      timer = setTimeout(startAttract, seconds * 1000);
    };
    window.addEventListener('pointerdown', activity);
    window.addEventListener('keydown', activity);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', activity);
      window.removeEventListener('keydown', activity);
    };
  }, [onReady, seconds]);
  // Attract mode is a property of `ready` only.
  useEffect(() => {
    if (!onReady && attract) stopAttract();
  }, [onReady, attract]);
}
