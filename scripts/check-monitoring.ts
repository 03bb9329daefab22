/**
 * `npm run monitoring` (part of `npm test`): Prometheus' own promtool checks the fleet's alert
 * rules (docs/monitoring/kiosk-alerts.yml), runs their unit tests (kiosk-alerts.test.yml: series
 * that must fire each alert, and series that must not), and parses every query of the Grafana
 * dashboard (kiosk-dashboard.json, its variables filled in). promtool comes with Debian's
 * `prometheus` package (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../docs/monitoring');
const promtool = process.env.PROMTOOL ?? 'promtool';

function run(args: string[]): void {
  const result = spawnSync(promtool, args, { cwd: dir, stdio: 'inherit' });
  if (result.error) {
    console.error(`${promtool} could not be run (${(result.error as NodeJS.ErrnoException).code}): install Debian's prometheus package (apt-get install -y prometheus), or set PROMTOOL`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The dashboard's queries as recording rules, so promtool parses each one. */
function dashboardQueries(): string {
  const dashboard = JSON.parse(readFileSync(path.join(dir, 'kiosk-dashboard.json'), 'utf8')) as { panels: Array<{ targets?: Array<{ expr: string }> }> };
  const queries = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr.replaceAll('$store', '212').replaceAll('$terminal', 'counter-2'));
  const rules = queries.map((expr, index) => `      - record: dashboard:query_${index}\n        expr: ${JSON.stringify(expr)}`);
  return ['groups:', '  - name: dashboard-queries', '    rules:', ...rules, ''].join('\n');
}

run(['check', 'rules', 'kiosk-alerts.yml']);
run(['test', 'rules', 'kiosk-alerts.test.yml']);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'kiosk-dashboard-'));
try {
  const file = path.join(scratch, 'dashboard-queries.yml');
  writeFileSync(file, dashboardQueries());
  console.log('Grafana dashboard queries:');
  run(['check', 'rules', file]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
