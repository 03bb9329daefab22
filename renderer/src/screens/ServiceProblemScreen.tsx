import { useTranslation } from 'react-i18next';
import type { ServiceProblemReason } from '../../../electron/shared/session-view';
import { ResultLayout } from './ResultLayout';

export function ServiceProblemScreen({ reason, resetInSeconds }: { reason: ServiceProblemReason; resetInSeconds: number }) {
  const { t } = useTranslation();
  return <ResultLayout tone="problem" icon="clock" title={t(`serviceProblem.${reason}.title`)} body={t(`serviceProblem.${reason}.body`)} resetInSeconds={resetInSeconds} />;
}
