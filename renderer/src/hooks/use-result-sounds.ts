/**
 * A short chime when a scan succeeds (member, or not yet a member) and a different, lower one
 * when there is a problem, so a customer looking at their phone knows to look up. Off, or
 * quieter, by configuration (`sounds`).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ScreenName } from '../../../electron/shared/session-view';
import problemUrl from '../../../assets/sounds/problem.wav';
import successUrl from '../../../assets/sounds/success.wav';

const SOUND_OF: Partial<Record<ScreenName, 'success' | 'problem'>> = {
  member: 'success',
  notMember: 'success',
  codeProblem: 'problem',
  serviceProblem: 'problem',
  needsStaff: 'problem',
};

export function useResultSounds(screen: ScreenName | null, sounds: { enabled: boolean; volume: number }): void {
  const players = useMemo(() => ({ success: new Audio(successUrl), problem: new Audio(problemUrl) }), []);
  const previous = useRef<ScreenName | null>(screen);
  useEffect(() => {
    const from = previous.current;
    previous.current = screen;
    const sound = screen ? SOUND_OF[screen] : undefined;
    // Only on arriving at a result (not on the countdown's pushes, nor when the page loads on one).
    if (!sound || from === screen || from === null || !sounds.enabled || sounds.volume <= 0) return;
    const player = players[sound];
    player.volume = sounds.volume;
    player.currentTime = 0;
    // A page without a user gesture may be refused sound: the screen says it all anyway.
    void player.play().catch(() => undefined);
  }, [screen, sounds.enabled, sounds.volume, players]);
}
