/**
 * Which screen the kiosk fills. Counters often have two (the till's and the customer's): the
 * config's `display.index` picks one in the OS's order; a screen that is not there (unplugged)
 * falls back to the primary one rather than leaving the kiosk on no screen at all.
 */
import { screen, type Rectangle } from 'electron';

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
}

export function pickDisplay<D extends DisplayLike>(displays: readonly D[], primary: D, index: number | null): { display: D; fellBack: boolean } {
  if (index === null) return { display: primary, fellBack: false };
  const chosen = displays[index];
  return chosen ? { display: chosen, fellBack: false } : { display: primary, fellBack: true };
}

export function kioskDisplayBounds(index: number | null): { bounds: Rectangle; fellBack: boolean } {
  const { display, fellBack } = pickDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), index);
  return { bounds: display.bounds, fellBack };
}
