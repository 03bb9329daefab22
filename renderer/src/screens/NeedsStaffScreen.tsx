import { useTranslation } from 'react-i18next';
import type { NeedsStaffReason } from '../../../electron/shared/session-view';
import { NEEDS_STAFF_CODES } from '../staff-codes';
import { ResultLayout } from './ResultLayout';
import { StaffCode } from './StaffCode';

interface NeedsStaffProps {
  reason: NeedsStaffReason;
  /** For staff: the configuration's wrong settings, by path (never a value); none: the file itself. */
  fields: string[];
  resetInSeconds: number | null;
}

export function NeedsStaffScreen({ reason, fields, resetInSeconds }: NeedsStaffProps) {
  const { t } = useTranslation();
  const code = reason === 'credentials' ? NEEDS_STAFF_CODES.credentials : fields.length ? NEEDS_STAFF_CODES.config : NEEDS_STAFF_CODES.configFile;
  return (
    <ResultLayout tone="neutral" icon="info" title={t('needsStaff.title')} body={t('needsStaff.body')} resetInSeconds={resetInSeconds}
      staffCode={<StaffCode code={code} detail={reason === 'config' && fields.length ? fields.join(', ') : undefined} />}
    />
  );
}
