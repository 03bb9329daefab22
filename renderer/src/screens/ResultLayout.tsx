/** The frame of every result screen: message, optional body, countdown to start, Done. */
import type { ReactNode } from 'react';
import { kioskBridge } from '../kiosk-bridge';
import { countdownText, doneLabel } from '../messages';

interface ResultLayoutProps {
  tone: 'good' | 'problem' | 'neutral';
  icon: string;
  title: string;
  body?: string;
  children?: ReactNode;
  /** Null: stays until staff act (no countdown, no Done). */
  resetInSeconds: number | null;
}

export function ResultLayout({ tone, icon, title, body, children, resetInSeconds }: ResultLayoutProps) {
  return (
    <section className={`screen result tone-${tone}`}>
      <div className="result-icon" aria-hidden="true">
        {icon}
      </div>
      <div role="status" aria-live="polite">
        <h1>{title}</h1>
        {body && <p className="lead">{body}</p>}
      </div>
      {children}
      {resetInSeconds !== null && (
        <footer className="result-footer">
          <p className="countdown" data-testid="countdown">
            {countdownText(resetInSeconds)}
          </p>
          {/* Focused at once so a keyboard user can press Enter; a scanner's Enter never reaches it. */}
          <button type="button" className="done-button" autoFocus onClick={() => void kioskBridge()?.done()}>
            {doneLabel}
          </button>
        </footer>
      )}
    </section>
  );
}
