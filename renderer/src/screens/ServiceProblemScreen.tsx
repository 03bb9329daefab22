import { useTranslation } from 'react-i18next';
import type { ServiceProblemReason } from '../../../electron/shared/session-view';
import { SERVICE_PROBLEM_CODES } from '../staff-codes';
import { ResultLayout } from './ResultLayout';
import { StaffCode } from './StaffCode';

/** Never the customer's fault: they can still pay, the cashier adds the points later. */
export function ServiceProblemScreen({ reason, resetInSeconds }: { reason: ServiceProblemReason; resetInSeconds: number }) {
  const { t } = useTranslation();
  return (
    <ResultLayout tone="problem" icon="clock" title={t(`serviceProblem.${reason}.title`)} body={t(`serviceProblem.${reason}.body`)} action="tryAgain" resetInSeconds={resetInSeconds}
      staffCode={<StaffCode code={SERVICE_PROBLEM_CODES[reason]} />}
    />
  );
}
