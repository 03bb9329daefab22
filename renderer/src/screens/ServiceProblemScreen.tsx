import type { ServiceProblemReason } from '../../../electron/shared/session-view';
import { serviceProblemText } from '../messages';
import { ResultLayout } from './ResultLayout';

export function ServiceProblemScreen({ reason, resetInSeconds }: { reason: ServiceProblemReason; resetInSeconds: number }) {
  const text = serviceProblemText[reason];
  return <ResultLayout tone="problem" icon="…" title={text.title} body={text.body} resetInSeconds={resetInSeconds} />;
}
