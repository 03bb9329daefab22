import type { CodeProblemReason } from '../../../electron/shared/session-view';
import { codeProblemText } from '../messages';
import { ResultLayout } from './ResultLayout';

export function CodeProblemScreen({ reason, resetInSeconds }: { reason: CodeProblemReason; resetInSeconds: number }) {
  const text = codeProblemText[reason];
  return <ResultLayout tone="problem" icon="!" title={text.title} body={text.body} resetInSeconds={resetInSeconds} />;
}
