/**
 * Staff mode's maintenance actions, each with a confirm step: "Quit for maintenance" (the kiosk
 * ends; whoever starts it again decides when) and "Factory reset" (staff's settings and the
 * kiosk's other state files go; the provisioning file, the log and the hand-off journal stay).
 * Main decides and does both; this only asks twice.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kioskBridge } from '../kiosk-bridge';

type Step = { action: 'quit' | 'reset'; phase: 'confirm' | 'running' } | null;

export function MaintenancePanel({ onReset }: { onReset(): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(null);
  const [result, setResult] = useState<{ text: string; problem: boolean } | null>(null);

  const run = async (action: 'quit' | 'reset') => {
    const kiosk = kioskBridge();
    if (!kiosk) return;
    setStep({ action, phase: 'running' });
    try {
      if (action === 'quit') {
        const answer = await kiosk.staffQuit();
        setResult(answer.ok ? { text: t('staff.maintenance.quitting'), problem: false } : { text: answer.message, problem: true });
        if (!answer.ok) setStep(null);
        return;
      }
      const answer = await kiosk.staffFactoryReset();
      const removed = answer.removed.length ? answer.removed.join(', ') : t('staff.maintenance.nothingRemoved');
      setResult(answer.ok ? { text: t('staff.maintenance.resetDone', { removed }), problem: false } : { text: t('staff.maintenance.resetFailed', { failed: answer.failed.join(', ') }), problem: true });
      setStep(null);
      onReset();
    } catch (error) {
      setResult({ text: (error as Error).message, problem: true });
      setStep(null);
    }
  };

  const confirming = step?.phase === 'confirm' ? step.action : null;
  return (
    <section className="staff-maintenance" aria-labelledby="staff-maintenance-title">
      <h2 id="staff-maintenance-title">{t('staff.maintenance.title')}</h2>
      {confirming ? (
        <div className="staff-confirm" role="group" aria-labelledby="staff-confirm-text">
          <p id="staff-confirm-text">{t(confirming === 'quit' ? 'staff.maintenance.quitConfirm' : 'staff.maintenance.resetConfirm')}</p>
          <div className="staff-actions">
            <button type="button" className="staff-danger" onClick={() => void run(confirming)}>
              {t(confirming === 'quit' ? 'staff.maintenance.quitYes' : 'staff.maintenance.resetYes')}
            </button>
            <button type="button" onClick={() => setStep(null)}>
              {t('staff.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="staff-actions">
          <button type="button" disabled={step !== null} onClick={() => (setResult(null), setStep({ action: 'quit', phase: 'confirm' }))}>
            {t('staff.maintenance.quit')}
          </button>
          <button type="button" disabled={step !== null} onClick={() => (setResult(null), setStep({ action: 'reset', phase: 'confirm' }))}>
            {t('staff.maintenance.reset')}
          </button>
        </div>
      )}
      {result && (
        <p className={result.problem ? 'staff-error' : 'staff-saved'} role={result.problem ? 'alert' : 'status'}>
          {result.text}
        </p>
      )}
    </section>
  );
}
