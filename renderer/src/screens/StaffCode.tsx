import { useTranslation } from 'react-i18next';

/** The line for staff under a problem: one short code a cashier can read out (staff-codes.ts). */
export function StaffCode({ code, detail }: { code: string; detail?: string }) {
  const { t } = useTranslation();
  return (
    <p className="staff-code" data-testid="staff-code" data-code={code}>
      {t('common.staffCode', { code })}
      {detail && <span className="staff-code-detail"> ({detail})</span>}
    </p>
  );
}
