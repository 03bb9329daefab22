/** The kiosk's health for staff: scanners, the back end's last answer, counts, version, config. No customer data. */
import type { HealthView } from '../../../electron/shared/staff-view';
import { staffText } from '../messages';

export function HealthPanel({ health }: { health: HealthView }) {
  const rows: Array<[string, string]> = [
    [staffText.health.version, health.version],
    [staffText.health.config, `${health.config.source === 'file' ? health.config.path : staffText.health.defaults}; ${staffText.health.staffChanges} ${health.config.staffPath}`],
    [staffText.health.configProblem, health.config.problem ?? staffText.health.none],
    [staffText.health.backEnd, health.config.backEnd === 'sandbox' ? staffText.health.sandbox : staffText.health.identify],
    [staffText.health.vipps, health.config.vipps],
    [staffText.health.camera, health.scanners.camera.enabled ? `${health.scanners.camera.state}${health.scanners.camera.detail ? ` (${health.scanners.camera.detail})` : ''}` : staffText.health.off],
    [staffText.health.keyboard, health.scanners.keyboard.enabled ? `on, ${health.scanners.keyboard.layout} layout` : staffText.health.off],
    [staffText.health.serial, health.scanners.serial.path ? `${health.scanners.serial.state}${health.scanners.serial.detail ? `: ${health.scanners.serial.detail}` : ''}` : staffText.health.off],
    [staffText.health.lastAnswer, health.backEnd.lastOutcome ? `${health.backEnd.lastOutcome}, ${health.backEnd.lastLatencyMs} ms, ${health.backEnd.lastAt}` : staffText.health.none],
    [staffText.health.counts, Object.entries(health.counts).map(([name, count]) => `${name} ${count}`).join(' · ')],
    [staffText.health.since, health.startedAt],
    [staffText.health.logFile, health.log.file ?? staffText.health.none],
  ];
  return (
    <section aria-labelledby="health-title" className="staff-health">
      <h2 id="health-title">{staffText.healthTitle}</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{staffText.health.problemsTitle}</h3>
      {health.log.recentProblems.length === 0 ? (
        <p>{staffText.health.noProblems}</p>
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
