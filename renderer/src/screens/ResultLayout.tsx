/**
 * The frame of every result screen: pictogram, message, optional body, countdown to start, and
 * the main button, which always goes back to scanning: "Done", "Try again" after a problem, or
 * "Joined? Scan again" for a customer who was not a member yet.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon';
import { useSessionStore } from '../session-store';
import { CountdownButton } from './CountdownButton';

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
  // The ring's full circle: the time main counts this result from (a touch gives it again).
  const resetFullSeconds = useSessionStore((state) => (state.view && 'resetFullSeconds' in state.view ? state.view.resetFullSeconds : undefined));
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
          <CountdownButton label={t(ACTION_TEXT[action])} resetInSeconds={resetInSeconds} fullSeconds={resetFullSeconds ?? resetInSeconds} />
        </footer>
      )}
    </section>
  );
}
