/**
 * A number that changes with every code main started identifying (each `identifying` push is a
 * new read: a second code while the first is looked up is one too), and not when the page
 * (re)loads on one: that read was answered already.
 */
import { useRef } from 'react';
import type { SessionView } from '../../../electron/shared/session-view';

export function useReadKey(view: SessionView | null): number {
  const state = useRef<{ key: number; view: SessionView | null; seen: boolean }>({ key: 0, view: null, seen: false });
  if (view !== state.current.view) {
    if (view?.screen === 'identifying' && state.current.seen) state.current.key += 1;
    state.current.view = view;
    if (view) state.current.seen = true;
  }
  return state.current.key;
}
