import { notMemberText } from '../messages';
import { ResultLayout } from './ResultLayout';

/** A Vipps customer who is not a member: an invitation to join, never a refusal. */
export function NotMemberScreen({ vippsCheckIn, resetInSeconds }: { vippsCheckIn: boolean; resetInSeconds: number }) {
  const body = vippsCheckIn ? notMemberText.vippsBody : notMemberText.body;
  return <ResultLayout tone="neutral" icon="★" title={notMemberText.title} body={body} resetInSeconds={resetInSeconds} />;
}
