/** Which result screen a scan led to: one rule for the session, the health counts and the metrics. */
import type { IdentifyOutcome } from '../identify/identify-outcome';
import type { ParsedScan } from '../scan/parse-scan';

export type ResultScreen = 'member' | 'notMember' | 'codeProblem' | 'serviceProblem' | 'needsStaff';

/** The screen an identification's outcome shows. */
export function screenOfOutcome(outcome: IdentifyOutcome['kind'], scanKind: ParsedScan['kind']): ResultScreen {
  switch (outcome) {
    case 'member':
      return 'member';
    case 'notFound':
      // An OTP or loyalty ID that is unknown is a stale or mistyped code, not a non-member.
      return scanKind === 'otp' || scanKind === 'loyaltyId' ? 'codeProblem' : 'notMember';
    case 'codeProblem':
      return 'codeProblem';
    case 'credentialsRefused':
      return 'needsStaff';
    case 'serviceProblem':
      return 'serviceProblem';
  }
}
