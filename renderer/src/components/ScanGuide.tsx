/**
 * How to scan, in three steps beside the scan target. On the attract screen a phone glides up
 * to the target and the steps light up in turn; with reduced motion it all stands still.
 */
import { useTranslation } from 'react-i18next';

export function ScanGuide({ attract }: { attract: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className={attract ? 'scan-steps is-attract' : 'scan-steps'} aria-label={t('ready.howTo')}>
      <li>{t('ready.step1')}</li>
      <li>{t('ready.step2')}</li>
      <li>{t('ready.step3')}</li>
    </ol>
  );
}

/** A phone showing a QR code: the attract screen's moving picture. */
export function PhoneHint() {
  return (
    <div className="phone-hint" aria-hidden="true" data-testid="phone-hint">
      <div className="phone-screen">
        <div className="phone-qr" />
      </div>
    </div>
  );
}
