/**
 * "We can see a code but cannot read it": the capture worker says when ZXing-C++ finds a code in
 * view that it cannot decode (`returnErrors`), and when it no longer does. The customer is told
 * once that has lasted `HINT_AFTER_MS` without a read (a code that is read within a moment needs
 * no advice). A read, the code leaving the picture, or the camera stopping ends it at once.
 */

/** How long a code must stay in view unread before the customer gets the hint. */
export const HINT_AFTER_MS = 3000;

export class UnreadCodeHint {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private shown = false;

  /** @param onChange told when the hint appears or goes. */
  constructor(private readonly onChange: (shown: boolean) => void) {}

  /** Whether the customer should see the hint now. */
  current(): boolean {
    return this.shown;
  }

  /** The worker's news: a code in view it cannot decode (true), or none any more (false). */
  unread(seen: boolean): void {
    if (!seen) return this.clear();
    if (this.timer || this.shown) return; // already counting, or shown
    this.timer = setTimeout(() => {
      this.timer = null;
      this.set(true);
    }, HINT_AFTER_MS);
  }

  /** A code was read, or the camera stopped: no hint, and the wait starts over. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.set(false);
  }

  private set(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.onChange(shown);
  }
}
