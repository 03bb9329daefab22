/**
 * Calls `onIdle` after `ms` without a touch, a key the page sees, or a new digit (a person's
 * digits on a keyboard reach the keypad through main, never as key events the page sees).
 */
import { useEffect, useRef, useState } from 'react';

export function useKeypadIdle(ms: number, onIdle: () => void, digits: string): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  const [activity, setActivity] = useState(0);
  useEffect(() => {
    const bump = () => setActivity((count) => count + 1);
    window.addEventListener('pointerdown', bump, true);
    window.addEventListener('keydown', bump, true);
    return () => {
      window.removeEventListener('pointerdown', bump, true);
      window.removeEventListener('keydown', bump, true);
    };
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => callback.current(), ms);
    return () => clearTimeout(timer);
  }, [ms, digits, activity]);
}
