/**
 * Every customer-facing sentence, in one place (languages arrive with i18next later). Words a
 * customer understands: what happened, and what to do next. Never blame the customer for the
 * kiosk's or the service's fault.
 */
import type { CodeProblemReason, ServiceProblemReason } from '../../electron/shared/session-view';

export const readyText = {
  title: 'Scan your loyalty code',
  body: 'Open the app and hold your QR code up to the scanner.',
};

export const identifyingText = { title: 'One moment…', body: 'Finding your membership' };

export const codeProblemText: Record<CodeProblemReason, { title: string; body: string }> = {
  notLoyaltyCode: { title: 'That is not a loyalty code', body: 'Open the loyalty app and show the QR code from its Scan screen.' },
  notFound: { title: 'We could not find that code', body: 'Refresh the code in your app and scan again.' },
  alreadyUsed: { title: 'This code has already been used', body: 'Refresh the code in your app and scan again.' },
  invalidCode: { title: 'That code did not work', body: 'Refresh the code in your app and scan again.' },
  identificationFailed: { title: 'We could not identify you', body: 'Refresh the code in your app and scan again, or ask at the till.' },
  typeDisabled: { title: 'This kind of code is not accepted here', body: 'Show the one-time code from your app instead.' },
  vippsNotAccepted: { title: 'This Vipps code is not accepted here', body: 'Show the QR code from the loyalty app instead.' },
};

export const serviceProblemText: Record<ServiceProblemReason, { title: string; body: string }> = {
  timeout: { title: 'Sorry, this is taking too long', body: 'The loyalty service is not answering. Please try again in a moment, or ask at the till.' },
  unreachable: { title: 'Sorry, we cannot check your points right now', body: 'The loyalty service cannot be reached. Please try again in a moment, or ask at the till.' },
  serverError: { title: 'Sorry, we cannot check your points right now', body: 'The loyalty service has a problem. Please try again in a moment, or ask at the till.' },
  badAnswer: { title: 'Sorry, we cannot check your points right now', body: 'The loyalty service sent an answer we could not read. Please try again, or ask at the till.' },
};

export const notMemberText = {
  title: 'You are not a member yet',
  body: 'Join our loyalty programme to collect points on every visit.',
  /** Vipps was told: the customer's phone now shows how to join. */
  vippsBody: 'Check your phone: Vipps shows you how to join and start collecting points today.',
};

export const needsStaffText = {
  title: 'Please ask a member of staff',
  body: 'This kiosk needs attention before it can look up memberships. Your code is fine.',
  credentialsDetail: 'For staff: the loyalty service refused this kiosk’s credentials.',
  configDetail: (detail: string) => `For staff: ${detail}`,
};

export const memberText = {
  greeting: (name: string) => (name ? `Hi ${name}!` : 'Welcome back!'),
  pointsLabel: 'Your points',
  itemsTitle: 'Ready at the till',
  noItems: 'You have not picked any rewards or offers. Pick them in the app before you scan.',
  kind: { reward: 'Reward', offer: 'Offer', other: 'Item' },
};

export const countdownText = (seconds: number) => `Back to start in ${seconds} s`;
export const doneLabel = 'Done';
export const startingText = 'Starting…';

export function formatPoints(amount: number, currency: string): string {
  const number = new Intl.NumberFormat('en').format(amount);
  return currency.toLowerCase() === 'points' ? `${number} points` : `${number} ${currency}`;
}
