import { useTranslation } from 'react-i18next';
import type { CodeProblemReason } from '../../../electron/shared/session-view';
import { ResultLayout } from './ResultLayout';

export function CodeProblemScreen({ reason, resetInSeconds }: { reason: CodeProblemReason; resetInSeconds: number }) {
  const { t } = useTranslation();
  return <ResultLayout tone="problem" icon="alert" title={t(`codeProblem.${reason}.title`)} body={t(`codeProblem.${reason}.body`)} action="tryAgain" resetInSeconds={resetInSeconds} />;
}
