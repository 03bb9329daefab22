import { useTranslation } from 'react-i18next';
import { ResultLayout } from './ResultLayout';

/** A Vipps customer who is not a member: an invitation to join, never a refusal. */
export function NotMemberScreen({ vippsCheckIn, resetInSeconds }: { vippsCheckIn: boolean; resetInSeconds: number }) {
  const { t } = useTranslation();
  return <ResultLayout tone="neutral" icon="star" title={t('notMember.title')} body={vippsCheckIn ? t('notMember.vippsBody') : t('notMember.body')} resetInSeconds={resetInSeconds} />;
}
