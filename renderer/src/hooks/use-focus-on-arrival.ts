/**
 * Puts the focus on a screen's heading when the screen arrives, so keyboard and screen-reader
 * users start there rather than on a button that is gone (which leaves the focus nowhere).
 * Result screens focus their Done button instead (ResultLayout).
 */
import { useEffect, useRef } from 'react';

export function useFocusOnArrival<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return ref;
}
