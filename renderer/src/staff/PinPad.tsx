/** The on-screen PIN pad: the PIN goes to main, which checks it and counts wrong ones. */
import { useEffect, useState } from 'react';
import { kioskBridge } from '../kiosk-bridge';
import { useTranslation } from 'react-i18next';
import { closeStaff, staffUnlocked } from './staff-store';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** The pad closes after this long without a digit pressed. */
export const PIN_PAD_IDLE_MS = 30_000;

export function PinPad() {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const kiosk = kioskBridge();
    if (!kiosk || busy) return;
    setBusy(true);
    try {
      const result = await kiosk.staffUnlock(pin);
      setPin('');
      if (result.ok) return staffUnlocked();
      if (result.reason === 'noPin') setMessage(t('staff.noPin'));
      else if (result.reason === 'locked') setMessage(t('staff.locked', { minutes: Math.ceil(result.retryInSeconds / 60) }));
      else setMessage(t('staff.wrongPin', { count: result.attemptsLeft }));
    } catch {
      setMessage(t('staff.unreachable'));
    } finally {
      setBusy(false);
    }
  };

  // Walked away from: the pad closes like the panel does, and the customer screen returns.
  useEffect(() => {
    const timer = setTimeout(closeStaff, PIN_PAD_IDLE_MS);
    return () => clearTimeout(timer);
  }, [pin, message]);

  const press = (digit: string) => setPin((current) => (current.length < 12 ? current + digit : current));

  return (
    <section className="screen staff-pin" aria-labelledby="staff-pin-title">
      <h1 id="staff-pin-title">{t('staff.pinTitle')}</h1>
      <output className="pin-dots" aria-label={t('staff.pinEntered', { count: pin.length })}>
        {'●'.repeat(pin.length) || '\u00a0'}
      </output>
      {message && (
        <p className="staff-message" role="alert">
          {message}
        </p>
      )}
      <div className="pin-grid">
        {KEYS.map((digit) => (
          <button key={digit} type="button" onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" onClick={() => setPin('')}>
          {t('staff.clear')}
        </button>
        <button type="button" onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="pin-ok" disabled={pin.length === 0 || busy} onClick={() => void submit()}>
          {t('staff.ok')}
        </button>
      </div>
      <button type="button" className="staff-secondary" onClick={closeStaff}>
        {t('staff.cancel')}
      </button>
    </section>
  );
}
