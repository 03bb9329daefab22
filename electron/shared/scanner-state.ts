/** What a wired scanner's connection is doing, for staff and the log (never what it scanned). */
export type SerialState =
  | { state: 'off'; detail: null }
  | { state: 'opening'; detail: null }
  | { state: 'open'; detail: null }
  /** It could not be opened or went away; `detail` says why, in words for staff. */
  | { state: 'retrying'; detail: string };
