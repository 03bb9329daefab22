import { notMemberText } from '../messages';
import { ResultLayout } from './ResultLayout';

export function NotMemberScreen({ resetInSeconds }: { resetInSeconds: number }) {
  return <ResultLayout tone="neutral" icon="★" title={notMemberText.title} body={notMemberText.body} resetInSeconds={resetInSeconds} />;
}
