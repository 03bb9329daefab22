/**
 * A number that changes with every new result the customer sees, and not with the countdown's
 * pushes. Two results in a row may be the same screen (two unreadable codes: codeProblem twice);
 * a new one is told by its countdown starting again.
 */
import { useRef } from 'react';
import type { SessionView } from '../../../electron/shared/session-view';

export function useResultKey(view: SessionView | null): number {
  const state = useRef<{ key: number; view: SessionView | null }>({ key: 0, view: null });
  const previous = state.current.view;
  if (view !== previous) {
    const seconds = (candidate: SessionView | null) => (candidate && 'resetInSeconds' in candidate ? candidate.resetInSeconds : null);
    const isResult = view !== null && view.screen !== 'ready' && view.screen !== 'identifying';
    const restarted = previous !== null && view !== null && previous.screen === view.screen && (seconds(view) ?? 0) > (seconds(previous) ?? 0);
    if (isResult && (previous?.screen !== view.screen || restarted)) state.current.key += 1;
    state.current.view = view;
  }
  return state.current.key;
}
