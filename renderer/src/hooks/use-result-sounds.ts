/**
 * A short chime when a scan succeeds (member, or not yet a member) and a different, lower one
 * when there is a problem, so a customer looking at their phone knows to look up. Once per new
 * result (use-result-key.ts); never for an invalid configuration, which no customer caused. Off,
 * or quieter, by configuration (`sounds`).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SessionView } from '../../../electron/shared/session-view';
import problemUrl from '../../../assets/sounds/problem.wav';
import successUrl from '../../../assets/sounds/success.wav';

function soundFor(view: SessionView): 'success' | 'problem' | null {
  switch (view.screen) {
    case 'member':
    case 'notMember':
      return 'success';
    case 'codeProblem':
    case 'serviceProblem':
      return 'problem';
    case 'needsStaff':
      return view.reason === 'config' ? null : 'problem';
    default:
      return null;
  }
}

export function useResultSounds(view: SessionView | null, resultKey: number, sounds: { enabled: boolean; volume: number }): void {
  const players = useMemo(() => ({ success: new Audio(successUrl), problem: new Audio(problemUrl) }), []);
  const played = useRef(resultKey); // the page may load on a result: that one was heard already
  useEffect(() => {
    if (resultKey === played.current) return;
    played.current = resultKey;
    const sound = view ? soundFor(view) : null;
    if (!sound || !sounds.enabled || sounds.volume <= 0) return;
    const player = players[sound];
    player.volume = sounds.volume;
    player.currentTime = 0;
    // A page without a user gesture may be refused sound: the screen says it all anyway.
    void player.play().catch(() => undefined);
  }, [resultKey, view, sounds.enabled, sounds.volume, players]);
}
