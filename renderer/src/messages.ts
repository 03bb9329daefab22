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

/** Staff mode: for store staff, in plain words (technical detail where it helps them act). */
export const staffText = {
  pinTitle: 'Staff PIN',
  pinEntered: (digits: number) => `${digits} digits entered`,
  clear: 'Clear',
  ok: 'OK',
  cancel: 'Cancel',
  noPin: 'Staff mode has no PIN set up, so it stays closed. Set staff.pinHash in the config file (README, "Staff mode").',
  wrongPin: (left: number) => `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before staff mode locks for five minutes.`,
  locked: (seconds: number) => `Too many wrong PINs: staff mode is locked. Try again in ${Math.ceil(seconds / 60)} min.`,
  unreachable: 'The kiosk did not answer. Try again.',
  panelTitle: 'Staff mode',
  leave: 'Leave staff mode',
  settingsTitle: 'Settings',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved and applied.',
  notSaved: 'Not saved: fix the fields marked below.',
  locked_: '(locked by the provisioning file)',
  secretSet: 'set (type to replace)',
  secretNotSet: 'not set',
  secretFromEnv: (name: string) => `set by ${name} on this kiosk`,
  firstCamera: 'First camera found',
  cameraNotFound: 'A camera that is not connected',
  noSerial: 'none',
  testConnection: 'Test connection',
  testing: 'Testing…',
  testResult: (result: { outcome: 'reachable' | 'credentialsRefused' | 'unreachable' | 'timedOut'; detail: string; ms: number }) =>
    ({
      reachable: `Reachable: the loyalty service answered in ${result.ms} ms.`,
      credentialsRefused: `Credentials refused (${result.detail}): check the identify token.`,
      unreachable: `Not reachable (${result.detail}): check the identify URL and the network.`,
      timedOut: `Timed out: no answer within ${result.ms} ms.`,
    })[result.outcome],
  healthTitle: 'Health',
  health: {
    version: 'Version',
    config: 'Configuration',
    defaults: 'built-in defaults',
    staffChanges: 'staff changes in',
    configProblem: 'Configuration problem',
    none: 'none',
    backEnd: 'Loyalty service',
    sandbox: 'embedded sandbox',
    identify: 'configured identify URL',
    vipps: 'Vipps',
    camera: 'Camera',
    keyboard: 'Keyboard scanner',
    serial: 'Serial scanner',
    off: 'off',
    lastAnswer: 'Last answer',
    counts: 'Since start',
    since: 'Started',
    logFile: 'Log file',
    problemsTitle: 'Recent warnings and errors',
    noProblems: 'None since start.',
  },
};
