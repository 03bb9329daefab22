/**
 * The frame of every result screen: pictogram, message, optional body, countdown to start, and
 * the main button, which always goes back to scanning: "Done", "Try again" after a problem, or
 * "Joined? Scan again" for a customer who was not a member yet.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon';
import { kioskBridge } from '../kiosk-bridge';

interface ResultLayoutProps {
  tone: 'good' | 'problem' | 'neutral';
  icon: IconName;
  title: string;
  body?: string;
  children?: ReactNode;
  /** Under the message, in the head: the short code for staff (never a body of its own). */
  staffCode?: ReactNode;
  /** Null: stays until staff act (no countdown, no Done). */
  resetInSeconds: number | null;
  /** What the main button says (every one returns to `ready`). */
  action?: 'done' | 'tryAgain' | 'scanAgain';
}

const ACTION_TEXT = { done: 'common.done', tryAgain: 'common.tryAgain', scanAgain: 'notMember.scanAgain' } as const;

export function ResultLayout({ tone, icon, title, body, children, staffCode, resetInSeconds, action = 'done' }: ResultLayoutProps) {
  const { t } = useTranslation();
  return (
    <section className={`screen result tone-${tone}`}>
      <div className="result-head">
        <div className="result-icon">
          <Icon name={icon} />
        </div>
        <h1>{title}</h1>
        {body && <p className="lead">{body}</p>}
        {staffCode}
      </div>
      {children && <div className="result-body">{children}</div>}
      {resetInSeconds !== null && (
        <footer className="result-footer">
          {/* Focused at once so a keyboard user can press Enter; a scanner's Enter never reaches it. */}
          <button type="button" className="done-button" autoFocus onClick={() => void kioskBridge()?.done()}>
            {t(ACTION_TEXT[action])}
          </button>
          <p className="countdown" data-testid="countdown">
            <Icon name="clock" className="countdown-icon" />
            {t('common.countdown', { count: resetInSeconds })}
          </p>
        </footer>
      )}
    </section>
  );
}
