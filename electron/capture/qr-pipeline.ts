/**
 * Runs the decode passes on camera frames within a time budget per frame. The first pass (the
 * cheap one that reads most codes) runs on every frame it is given; the others run only when
 * it found nothing, and only while the frame's budget lasts, judged by what each pass last
 * cost (a pass not yet measured runs alone on a frame of its own). What did not fit runs on the
 * next frames, from where this one stopped, so a code held in view gets every pass within a few
 * frames and the worker never holds a frame for long. A pass may also answer that it found a code
 * it could not decode (`UNREAD`): a round of the passes that read nothing says whether any did.
 */
import type { LumaFrame } from './luma-frame';
import { UNREAD, type DecodePass } from './qr-passes';

export interface FrameDecode {
  text: string | null;
  /** The pass that read the code. */
  pass: string | null;
  /** The passes that ran on this frame, in order. */
  ran: string[];
  ms: number;
  /**
   * Whether a code is in view that no pass could decode: known when a round of the passes ends
   * on this frame without a read (true if any pass found one), false when a code was read, null
   * otherwise (a round still under way, a quick look).
   */
  unread: boolean | null;
}

export interface QrPipelineOptions {
  passes: readonly DecodePass[];
  /** Milliseconds a frame may take (the capture worker: budgetForFps). */
  budgetMs: number;
  now?: () => number;
}

/** How much each new measurement of a pass's cost moves its estimate. */
const COST_SMOOTHING = 0.3;
/** A frame may take this share of the frame interval: room is left for copying it and the preview. */
const BUDGET_SHARE = 0.4;

/** The time budget of one frame at `fps`. */
export function budgetForFps(fps: number): number {
  return (1000 / fps) * BUDGET_SHARE;
}

export class QrPipeline {
  private readonly passes: readonly DecodePass[];
  private readonly now: () => number;
  /** Index into the extra passes (all but the first) of the next one to run. */
  private next = 0;
  /** Extra passes still owed to the current round (a round: each extra pass once). */
  private owed = 0;
  /** The last frame ran no extra pass for lack of time: this one runs one, and skips the first. */
  private starved = false;
  /** A pass of the current round found a code it could not decode. */
  private roundUnread = false;
  private readonly cost = new Map<string, number>();

  constructor(private readonly options: QrPipelineOptions) {
    if (options.passes.length === 0) throw new Error('a pipeline needs at least one pass');
    this.passes = options.passes;
    this.now = options.now ?? (() => performance.now());
  }

  /** Extra passes have not all run since the first pass last found nothing: decode the next frame even if unchanged. */
  get pending(): boolean {
    return this.owed > 0;
  }

  /** A new budget (the frame rate changed). */
  setBudget(budgetMs: number): void {
    this.options.budgetMs = budgetMs;
  }

  /** Decodes one frame; `firstPassOnly`: a quick look that starts no round of the others. */
  async decode(frame: LumaFrame, options: { firstPassOnly?: boolean } = {}): Promise<FrameDecode> {
    const started = this.now();
    const ran: string[] = [];
    let frameUnread = false;
    const run = async (pass: DecodePass): Promise<string | null> => {
      const before = this.now();
      const result = await pass.run(frame);
      const spent = this.now() - before;
      const known = this.cost.get(pass.name);
      this.cost.set(pass.name, known === undefined ? spent : known + COST_SMOOTHING * (spent - known));
      ran.push(pass.name);
      if (result !== UNREAD) return typeof result === 'string' ? result : null;
      frameUnread = this.roundUnread = true;
      return null;
    };
    const done = (text: string | null, pass: string | null, roundEnded = false): FrameDecode => {
      if (text !== null) this.owed = 0; // a code was read: the next frame starts afresh
      return { text, pass, ran, ms: this.now() - started, unread: text !== null ? false : roundEnded ? this.roundUnread : null };
    };

    const [first, ...extras] = this.passes as [DecodePass, ...DecodePass[]];
    if (!this.starved || this.owed === 0) {
      const text = await run(first);
      if (text !== null || (options.firstPassOnly && this.owed === 0)) return done(text, text === null ? null : first.name);
      if (this.owed === 0) {
        // A new round of the others, in their order: the likeliest (inverted codes) first.
        this.owed = extras.length;
        this.next = 0;
        this.roundUnread = frameUnread;
      }
    }
    const forced = this.starved;
    this.starved = false;
    let ranExtra = false;
    while (this.owed > 0) {
      const pass = extras[this.next % extras.length]!;
      const expected = this.cost.get(pass.name) ?? Infinity;
      if (this.now() - started + expected > this.options.budgetMs && !(forced && !ranExtra)) {
        this.starved = !ranExtra;
        break;
      }
      this.next = (this.next + 1) % extras.length;
      this.owed--;
      ranExtra = true;
      const text = await run(pass);
      if (text !== null) return done(text, pass.name);
    }
    return done(null, null, this.owed === 0);
  }
}
