/**
 * A short chime when a scan succeeds (member, or not yet a member) and a different, lower one
 * when there is a problem, so a customer looking at their phone knows to look up. Once per new
 * result (use-result-key.ts); never for an invalid configuration, which no customer caused. Off,
 * or quieter, by configuration (`sounds`). And a short, soft read tone the moment a code is read
 * (a new `identifying`, use-read-key.ts), so the customer can lower the phone before the answer.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SessionView } from '../../../electron/shared/session-view';
import problemUrl from '../../../assets/sounds/problem.wav';
// A file, never inlined as data: (it is small enough to be), which the page's CSP (media-src 'self') would refuse.
import readUrl from '../../../assets/sounds/read.wav?no-inline';
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

type Sounds = { enabled: boolean; volume: number };

export function useResultSounds(view: SessionView | null, resultKey: number, readKey: number, sounds: Sounds): void {
  const players = useMemo(() => ({ success: new Audio(successUrl), problem: new Audio(problemUrl), read: new Audio(readUrl) }), []);
  const read = useRef(readKey);
  useEffect(() => {
    if (readKey === read.current) return;
    read.current = readKey;
    play(players.read, sounds);
  }, [readKey, sounds, players]);
  const played = useRef(resultKey); // the page may load on a result: that one was heard already
  useEffect(() => {
    if (resultKey === played.current) return;
    played.current = resultKey;
    const sound = view ? soundFor(view) : null;
    if (sound) play(players[sound], sounds);
  }, [resultKey, view, sounds, players]);
}

function play(player: HTMLAudioElement, sounds: Sounds): void {
  if (!sounds.enabled || sounds.volume <= 0) return;
  player.volume = sounds.volume;
  player.currentTime = 0;
  // A page without a user gesture may be refused sound: the screen says it all anyway.
  void player.play().catch(() => undefined);
}
