/**
 * A number that changes with every new result the customer sees, and not with the countdown's
 * pushes, nor with a touch that gives the countdown its full time again. Two results in a row may
 * be the same screen (two unreadable codes: codeProblem twice): main numbers each (`result`).
 */
import { useRef } from 'react';
import type { SessionView } from '../../../electron/shared/session-view';

export function useResultKey(view: SessionView | null): number {
  const state = useRef<{ key: number; view: SessionView | null }>({ key: 0, view: null });
  const previous = state.current.view;
  if (view !== previous) {
    const number = (candidate: SessionView | null) => (candidate && 'result' in candidate ? candidate.result : undefined);
    const isResult = view !== null && view.screen !== 'ready' && view.screen !== 'identifying';
    const restarted = previous !== null && view !== null && previous.screen === view.screen && number(view) !== number(previous);
    if (isResult && (previous?.screen !== view.screen || restarted)) state.current.key += 1;
    state.current.view = view;
  }
  return state.current.key;
}
