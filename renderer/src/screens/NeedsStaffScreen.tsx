import { useTranslation } from 'react-i18next';
import type { NeedsStaffReason } from '../../../electron/shared/session-view';
import { ResultLayout } from './ResultLayout';

interface NeedsStaffProps {
  reason: NeedsStaffReason;
  /** For staff: the configuration's wrong settings, by path (never a value); none: the file itself. */
  fields: string[];
  resetInSeconds: number | null;
}

export function NeedsStaffScreen({ reason, fields, resetInSeconds }: NeedsStaffProps) {
  const { t } = useTranslation();
  const detail =
    reason === 'credentials' ? t('needsStaff.credentialsDetail') : fields.length ? t('needsStaff.configDetail', { fields: fields.join(', ') }) : t('needsStaff.configFileDetail');
  return (
    <ResultLayout tone="neutral" icon="info" title={t('needsStaff.title')} body={t('needsStaff.body')} resetInSeconds={resetInSeconds}>
      <p className="staff-detail" data-reason={reason}>
        {detail}
      </p>
    </ResultLayout>
  );
}
