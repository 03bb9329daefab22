import { useTranslation } from 'react-i18next';
import type { NeedsStaffReason } from '../../../electron/shared/session-view';
import { ResultLayout } from './ResultLayout';

interface NeedsStaffProps {
  reason: NeedsStaffReason;
  /** For staff: which configuration field is wrong (never a secret's value). */
  detail: string | null;
  resetInSeconds: number | null;
}

export function NeedsStaffScreen({ reason, detail, resetInSeconds }: NeedsStaffProps) {
  const { t } = useTranslation();
  return (
    <ResultLayout tone="neutral" icon="info" title={t('needsStaff.title')} body={t('needsStaff.body')} resetInSeconds={resetInSeconds}>
      <p className="staff-detail" data-reason={reason}>
        {reason === 'credentials' ? t('needsStaff.credentialsDetail') : t('needsStaff.configDetail', { detail: detail ?? '' })}
      </p>
    </ResultLayout>
  );
}
