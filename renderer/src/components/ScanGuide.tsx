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

/** A code's modules on the phone's screen: three finder squares and a fixed scatter (21 × 21, like a version-1 QR code). */
const QR_SIZE = 21;
const FINDERS = [
  [0, 0],
  [QR_SIZE - 7, 0],
  [0, QR_SIZE - 7],
] as const;
const inFinder = (x: number, y: number) => FINDERS.some(([fx, fy]) => x >= fx - 1 && x <= fx + 7 && y >= fy - 1 && y <= fy + 7);
const MODULES = Array.from({ length: QR_SIZE * QR_SIZE }, (_, index) => [index % QR_SIZE, Math.floor(index / QR_SIZE)] as const)
  .filter(([x, y]) => !inFinder(x, y) && (x * 7 + y * 13 + x * y) % 5 < 2)
  .map(([x, y]) => `M${x} ${y}h1v1h-1z`)
  .join('');
const FINDER_PATH = FINDERS.map(([x, y]) => `M${x} ${y}h7v7h-7zM${x + 1} ${y + 1}v5h5v-5zM${x + 2} ${y + 2}h3v3h-3z`).join('');

/** A phone showing a QR code: the attract screen's moving picture (a dark phone, a bright screen, a code on it). */
export function PhoneHint() {
  return (
    <svg className="phone-hint" viewBox="0 0 90 160" aria-hidden="true" focusable="false" data-testid="phone-hint">
      <rect className="phone-body" x="1" y="1" width="88" height="158" rx="14" />
      <rect className="phone-glass" x="6" y="14" width="78" height="132" rx="6" />
      <rect className="phone-speaker" x="35" y="6" width="20" height="3" rx="1.5" />
      <rect className="phone-home" x="33" y="150" width="24" height="3" rx="1.5" />
      <g transform="translate(12 42) scale(3.0952)">
        <path className="phone-code" fillRule="evenodd" d={FINDER_PATH + MODULES} />
      </g>
    </svg>
  );
}
