/**
 * The result screen's main button with its countdown drawn around it as a ring that drains, so a
 * customer sees how long the screen stays (the words under it say it too). The last 5 s are
 * marked. A touch anywhere on the page asks main for the full time again (`stillHere`; main
 * rate-limits and caps it, result-countdown.ts); sent at most once a second from here.
 */
import { useEffect, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { kioskBridge } from '../kiosk-bridge';

/** The last seconds, marked. */
const ENDING_SECONDS = 5;
const TOUCH_INTERVAL_MS = 1000;

interface CountdownButtonProps {
  label: string;
  resetInSeconds: number;
  /** What the ring counts from; the remaining time when main did not say. */
  fullSeconds: number;
}

export function CountdownButton({ label, resetInSeconds, fullSeconds }: CountdownButtonProps) {
  const { t } = useTranslation();
  useEffect(() => {
    let last = -Infinity;
    const touched = () => {
      const now = performance.now();
      if (now - last < TOUCH_INTERVAL_MS) return;
      last = now;
      void kioskBridge()?.stillHere();
    };
    window.addEventListener('pointerdown', touched);
    return () => window.removeEventListener('pointerdown', touched);
  }, []);
  const ending = resetInSeconds <= ENDING_SECONDS;
  const left = Math.max(0, Math.min(1, resetInSeconds / Math.max(fullSeconds, 1)));
  return (
    <div className="countdown-ring" data-testid="countdown-ring" data-ending={ending} data-left={left.toFixed(3)}>
      <div className="ring-wrap">
        {/* A conic gradient masked to a band around the button: the brand's share is the time left. */}
        <span className="ring" aria-hidden="true" style={{ '--left': left } as CSSProperties} />
        {/* Focused at once so a keyboard user can press Enter; a scanner's Enter never reaches it. */}
        <button type="button" className="done-button" autoFocus onClick={() => void kioskBridge()?.done()}>
          {label}
        </button>
      </div>
      <p className="countdown" data-testid="countdown">
        <Icon name="clock" className="countdown-icon" />
        {t('common.countdown', { count: resetInSeconds })}
      </p>
    </div>
  );
}
