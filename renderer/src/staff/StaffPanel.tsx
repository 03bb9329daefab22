/**
 * Staff mode, once unlocked: settings, "Test connection" and the health view. It closes with
 * its button or after 60 s without input (main also forgets the staff session by then).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConnectionTestDraft, ConnectionTestResult, HealthView, StaffSettingsView } from '../../../electron/shared/staff-view';
import { kioskBridge } from '../kiosk-bridge';
import { useTranslation } from 'react-i18next';
import { HealthPanel } from './HealthPanel';
import { MaintenancePanel } from './MaintenancePanel';
import { SettingsForm } from './SettingsForm';
import { useIdleTimer } from '../hooks/use-idle-timer';
import { closeStaff } from './staff-store';

export const STAFF_IDLE_MS = 60_000;
const HEALTH_REFRESH_MS = 5000;

export function StaffPanel() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<StaffSettingsView | null>(null);
  const [health, setHealth] = useState<HealthView | null>(null);
  const [test, setTest] = useState<ConnectionTestResult | 'running' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  /**
   * Bumped by each save, once main's new values are in: the form starts afresh from them, changed
   * or not. (Settings come only from `refresh`: at the start, and after a save.)
   */
  const [generation, setGeneration] = useState(0);
  /** The form's Identify URL and typed token: "Test connection" tries what staff see, saved or not. */
  const draft = useRef<ConnectionTestDraft>({});
  const onDraft = useCallback((next: ConnectionTestDraft) => {
    draft.current = next;
  }, []);

  const leave = useCallback(() => {
    void kioskBridge()?.staffClose().catch(() => undefined);
    closeStaff();
  }, []);

  const refresh = useCallback(async () => {
    const kiosk = kioskBridge();
    if (!kiosk) return;
    try {
      const [nextSettings, nextHealth] = await Promise.all([kiosk.staffSettings(), kiosk.staffHealth()]);
      setSettings(nextSettings);
      setHealth(nextHealth);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, []);

  useEffect(() => void refresh(), [refresh]);

  // A live health view; each request also tells main staff mode is still in use.
  useEffect(() => {
    const timer = setInterval(() => {
      void kioskBridge()
        ?.staffHealth()
        .then(setHealth)
        .catch((error: unknown) => setProblem((error as Error).message));
    }, HEALTH_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  // 60 s without a key or a touch: back to the customer screen.
  useIdleTimer(STAFF_IDLE_MS, leave);

  const runTest = async () => {
    setTest('running');
    try {
      setTest((await kioskBridge()?.staffTestConnection(draft.current)) ?? null);
    } catch (error) {
      setTest(null);
      setProblem((error as Error).message);
    }
  };

  return (
    <section className="staff-panel" aria-labelledby="staff-title">
      <header className="staff-header">
        <h1 id="staff-title">{t('staff.panelTitle')}</h1>
        <button type="button" onClick={leave}>
          {t('staff.leave')}
        </button>
      </header>
      {problem && (
        <p className="staff-error" role="alert">
          {problem}
        </p>
      )}
      <div className="staff-test">
        <button type="button" onClick={() => void runTest()} disabled={test === 'running'}>
          {t('staff.testConnection')}
        </button>
        <output aria-live="polite" data-testid="connection-test">
          {test === 'running' ? t('staff.testing') : test ? t(`staff.test.${test.outcome}`, { ms: test.ms, detail: test.detail }) : ''}
        </output>
      </div>
      {saved && (
        <p className="staff-saved" role="status">
          {t('staff.saved')}
        </p>
      )}
      {settings && (
        <SettingsForm
          key={generation}
          view={settings}
          onSaving={() => setSaved(false)}
          onDraft={onDraft}
          onSaved={() => {
            // Main's new values first, then one fresh form: typing in between is never wiped.
            void refresh().then(() => {
              setSaved(true);
              setGeneration((value) => value + 1);
            });
          }}
        />
      )}
      {health && <HealthPanel health={health} />}
      {/* After a factory reset: the form starts afresh from what is now in force. */}
      <MaintenancePanel onReset={() => void refresh().then(() => setGeneration((value) => value + 1))} />
    </section>
  );
}
