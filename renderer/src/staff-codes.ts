/**
 * The short codes a cashier reads out from the customer's screen when the kiosk cannot look up a
 * membership (`serviceProblem`, `needsStaff`): what went wrong, without a sentence the customer
 * must parse. Defined here only, and listed in the README ("Codes for staff"); they never change
 * meaning, so a support desk can rely on them.
 */
import type { NeedsStaffReason, ServiceProblemReason } from '../../electron/shared/session-view';

/** Why the loyalty service could not answer. */
export const SERVICE_PROBLEM_CODES: Readonly<Record<ServiceProblemReason, string>> = {
  timeout: 'S-TO', // no answer before identify.timeoutMs
  unreachable: 'S-NET', // connection refused, DNS or network failure
  serverError: 'S-5XX', // the back end answered 5xx
  badAnswer: 'S-ANS', // an answer the kiosk could not read
};

/** Why staff must act. An invalid configuration is told apart from an unreadable file. */
export const NEEDS_STAFF_CODES: Readonly<Record<NeedsStaffReason | 'configFile', string>> = {
  credentials: 'N-AUTH', // the back end refused the kiosk's token (401/403)
  config: 'C-CFG', // the configuration has invalid fields (they follow the code)
  configFile: 'C-FILE', // the configuration file cannot be used at all
};
