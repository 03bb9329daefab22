/**
 * Calls `onIdle` after `ms` without a touch or a key on the page, and `onActivity` on each one
 * (the wait then starts again). For the attract screen and the staff panel's timeout.
 */
import { useEffect, useRef } from 'react';

export function useIdleTimer(ms: number, onIdle: () => void, options: { enabled?: boolean; onActivity?: () => void } = {}): void {
  const enabled = options.enabled ?? true;
  // The latest callbacks, without restarting the wait when a parent re-renders.
  const callbacks = useRef({ onIdle, onActivity: options.onActivity });
  callbacks.current = { onIdle, onActivity: options.onActivity };
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => callbacks.current.onIdle(), ms);
    const activity = () => {
      callbacks.current.onActivity?.();
      clearTimeout(timer);
      timer = setTimeout(() => callbacks.current.onIdle(), ms);
    };
    window.addEventListener('pointerdown', activity);
    window.addEventListener('keydown', activity);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', activity);
      window.removeEventListener('keydown', activity);
    };
  }, [ms, enabled]);
}
