/**
 * What the UI may know about the current customer session: the whole state main publishes.
 * It is small on purpose (first name, points, item names) and holds no identifiers, phone
 * numbers or tokens, so nothing secret can ever reach a renderer through it.
 */

export type ScreenName =
  | 'ready'
  | 'identifying'
  | 'member'
  | 'notMember'
  | 'codeProblem'
  | 'serviceProblem'
  | 'needsStaff';

/** Why a scanned code could not be used; each has its own customer message. */
export type CodeProblemReason =
  | 'notLoyaltyCode'
  | 'notFound'
  | 'alreadyUsed'
  | 'invalidCode'
  | 'identificationFailed'
  | 'typeDisabled'
  /** A token-form Vipps code on a kiosk without a Vipps set-up (it cannot be exchanged). */
  | 'vippsNotAccepted'
  /** A phone-form Vipps code where the chain refuses them (`personalQr.phoneForm: "refuse"`): "show the code in your app". */
  | 'phoneCodeRefused';

/** Why the loyalty service could not answer; never the customer's fault. */
export type ServiceProblemReason = 'timeout' | 'unreachable' | 'serverError' | 'badAnswer';

/** Why staff must act: the kiosk's credentials were refused, or its configuration is invalid. */
export type NeedsStaffReason = 'credentials' | 'config';

export interface MemberItemView {
  /** The catalogue's name, or the PLU when `named` is false (the page shows "Offer (2002)"). */
  name: string;
  named: boolean;
  quantity: number;
  kind: 'reward' | 'offer' | 'other';
}

export interface MemberView {
  firstName: string;
  /** The points balance, or null when the answer carried none. */
  points: { amount: number; currency: string } | null;
  items: MemberItemView[];
}

/**
 * A result's countdown, besides `resetInSeconds`: the time its ring counts from (a touch gives it
 * that again), and the number of the result, so the page tells a new result from an extension.
 */
export interface ResultCountdownView {
  resetFullSeconds?: number;
  result?: number;
}

export type SessionView =
  | { screen: 'ready' }
  /** `typed`: the code came from the keypad (no phone to lower). */
  | { screen: 'identifying'; typed?: boolean }
  | ({ screen: 'member'; member: MemberView; resetInSeconds: number } & ResultCountdownView)
  /** `vippsCheckIn`: Vipps was asked to show the customer how to join on their phone. */
  | ({ screen: 'notMember'; vippsCheckIn: boolean; resetInSeconds: number } & ResultCountdownView)
  | ({ screen: 'codeProblem'; reason: CodeProblemReason; resetInSeconds: number } & ResultCountdownView)
  | ({ screen: 'serviceProblem'; reason: ServiceProblemReason; resetInSeconds: number } & ResultCountdownView)
  /**
   * `resetInSeconds` is null when only staff can clear it (an invalid configuration). For an
   * invalid configuration, `fields` names the wrong settings (config paths; none when the file
   * itself cannot be used) and `detail` says it all, in English, for logs and the health view.
   */
  | ({ screen: 'needsStaff'; reason: NeedsStaffReason; detail: string | null; fields?: string[]; resetInSeconds: number | null } & ResultCountdownView);
