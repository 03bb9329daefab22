import type { NeedsStaffReason } from '../../../electron/shared/session-view';
import { needsStaffText } from '../messages';
import { ResultLayout } from './ResultLayout';

interface NeedsStaffProps {
  reason: NeedsStaffReason;
  /** For staff: which configuration field is wrong (never a secret's value). */
  detail: string | null;
  resetInSeconds: number | null;
}

export function NeedsStaffScreen({ reason, detail, resetInSeconds }: NeedsStaffProps) {
  return (
    <ResultLayout tone="neutral" icon="i" title={needsStaffText.title} body={needsStaffText.body} resetInSeconds={resetInSeconds}>
      <p className="staff-detail" data-reason={reason}>
        {reason === 'credentials' ? needsStaffText.credentialsDetail : needsStaffText.configDetail(detail ?? '')}
      </p>
    </ResultLayout>
  );
}
