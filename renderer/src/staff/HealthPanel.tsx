/** The kiosk's health for staff: scanners, the back end's last answer, counts, version, config, recent problems. No customer data. */
import { useTranslation } from 'react-i18next';
import type { HealthView } from '../../../electron/shared/staff-view';
import { cameraTuningRows } from './camera-tuning-text';

type State = 'starting' | 'running' | 'unavailable' | 'off' | 'opening' | 'open' | 'retrying';
type Outcome = 'member' | 'notFound' | 'codeProblem' | 'credentialsRefused' | 'serviceProblem' | 'timeout';

type T = ReturnType<typeof useTranslation>['t'];

/** Electron only: where the kiosk window is, or which screen it waits for. */
function displayText(display: NonNullable<HealthView['display']>, t: T): string {
  const where =
    display.state === 'waiting'
      ? t('staff.health.displayWaiting', { index: display.index ?? 0, since: new Date(display.since), screens: display.screens })
      : display.index === null
        ? t('staff.health.displayPrimaryShown', { screens: display.screens })
        : t('staff.health.displayShown', { index: display.index, screens: display.screens });
  return display.wayland && display.index !== null ? `${where}. ${t('staff.health.displayWayland')}` : where;
}

/** The capture page restarted because no frame came for 10 s. */
function cameraStalls(health: HealthView, t: T): string {
  const { stalls, lastStallAt } = health.scanners.camera;
  return stalls > 0 && lastStallAt ? `; ${t('staff.health.cameraStalls', { count: stalls, at: new Date(lastStallAt) })}` : '';
}

export function HealthPanel({ health }: { health: HealthView }) {
  const { t } = useTranslation();
  const state = (value: string) => t(`staff.health.states.${value as State}`, { defaultValue: value });
  const { camera, keyboard, serial } = health.scanners;
  const last = health.backEnd;
  const rows: Array<[string, string]> = [
    [t('staff.health.version'), health.version],
    [t('staff.health.config'), `${health.config.source === 'file' ? health.config.path : t('staff.health.defaults')}; ${t('staff.health.staffChanges')} ${health.config.staffPath}`],
    [t('staff.health.configProblem'), health.config.problem ?? t('staff.health.none')],
    [t('staff.health.backEnd'), health.config.backEnd === 'sandbox' ? t('staff.health.sandbox') : t('staff.health.identify')],
    [t('staff.health.vipps'), t(`staff.health.vippsState.${health.config.vipps}`)],
    [t('staff.health.camera'), camera.enabled ? `${state(camera.state)}${camera.detail ? ` (${camera.detail})` : ''}${cameraStalls(health, t)}` : t('staff.health.off')],
    ...(camera.enabled ? cameraTuningRows(t, camera.tuning) : []),
    [t('staff.health.keyboard'), keyboard.enabled ? t('staff.health.keyboardOn', { layout: keyboard.layout }) : t('staff.health.off')],
    [t('staff.health.serial'), serial.path ? `${state(serial.state)}${serial.detail ? `: ${serial.detail}` : ''}` : t('staff.health.off')],
    [
      t('staff.health.lastAnswer'),
      last.lastOutcome && last.lastAt
        ? t('staff.health.lastAnswerValue', { outcome: t(`staff.health.outcomes.${last.lastOutcome as Outcome}`, { defaultValue: last.lastOutcome }), ms: last.lastLatencyMs ?? 0, at: new Date(last.lastAt) })
        : t('staff.health.none'),
    ],
    [t('staff.health.counts'), (Object.entries(health.counts) as Array<[keyof HealthView['counts'], number]>).map(([name, count]) => `${t(`staff.health.countNames.${name}`)} ${count}`).join(' · ')],
    [t('staff.health.since'), t('staff.health.startedAt', { at: new Date(health.startedAt) })],
    [t('staff.health.logFile'), health.log.file ?? t('staff.health.none')],
  ];
  if (health.display) rows.splice(5, 0, [t('staff.health.display'), displayText(health.display, t)]);
  const { push, pull } = health.handoff;
  if (push) {
    const last = push.lastResult === 'delivered' ? t('staff.health.handoffDelivered') : (push.lastResult ?? t('staff.health.none'));
    const value = t('staff.health.handoffPushValue', { ...push, last });
    rows.push([t('staff.health.handoffPush'), push.problem ? `${value} (${push.problem})` : value]);
  }
  if (pull) rows.push([t('staff.health.handoffPull'), pull.address ? t('staff.health.handoffPullValue', { address: pull.address, streams: pull.streams }) : (pull.problem ?? t('staff.health.off'))]);
  const fleet = health.fleet;
  if (fleet) {
    const serial = fleet.serial !== null && fleet.receivedAt ? t('staff.health.fleetSerial', { serial: fleet.serial, at: new Date(fleet.receivedAt) }) : t('staff.health.fleetNoSerial');
    const checked = fleet.lastCheckAt && fleet.lastResult ? t('staff.health.fleetChecked', { at: new Date(fleet.lastCheckAt), result: t(`staff.health.fleetResults.${fleet.lastResult}`) }) : t('staff.health.fleetNotChecked');
    rows.push([t('staff.health.fleetConfig'), `${serial}; ${checked}${fleet.lastProblem ? ` (${fleet.lastProblem})` : ''}; ${t('staff.health.fleetRefused', { refused: fleet.refused })}`]);
  }
  return (
    <section aria-labelledby="health-title" className="staff-health">
      <h2 id="health-title">{t('staff.healthTitle')}</h2>
      {health.staffPin.short && (
        <p className="staff-error" role="status">
          {t('staff.health.staffPinShort', { minimum: health.staffPin.minimumDigits })}
        </p>
      )}
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('staff.health.problemsTitle')}</h3>
      {health.log.recentProblems.length === 0 ? (
        <p>{t('staff.health.noProblems')}</p>
      ) : (
        <ol className="staff-problems">
          {health.log.recentProblems.map((problem, index) => (
            <li key={index}>
              <time dateTime={problem.time}>{problem.time}</time> {problem.level} {problem.event}
              {problem.message ? `: ${problem.message}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
