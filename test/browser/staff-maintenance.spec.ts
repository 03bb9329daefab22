/**
 * Staff mode's maintenance actions on the web shell, as staff use them: "Quit for maintenance"
 * (behind the PIN, a confirm step that can be called off, logged, the process ends with exit
 * code 0) and "Factory reset" (a confirm step; the kiosk's state files go, the log and the
 * hand-off journal stay, the configuration is the provisioning file's again).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from '../helpers/axe';
import { english as t } from '../helpers/catalogue';
import { DEMO_PIN, DEMO_PIN_HASH } from '../helpers/demo-pin';
import { expect, test } from '../helpers/fixtures';

test.use({ kioskConfig: { storeId: '9999', terminalId: 'counter-1', idleResetSeconds: 30, staff: { pinHash: DEMO_PIN_HASH } } });

const screen = (page: Page) => page.locator('main[data-screen]');
const userData = (configPath: string) => path.dirname(configPath);
const logText = (configPath: string) => readFileSync(path.join(userData(configPath), 'logs', 'kiosk.log'), 'utf8');

async function openStaffPanel(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('heading', { name: t('staff.pinTitle') })).toBeVisible();
  for (const digit of DEMO_PIN) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: t('staff.ok'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('staff.panelTitle'), level: 1 })).toBeVisible();
  await expect(page.getByLabel('Terminal ID')).toBeVisible();
}

test('"Quit for maintenance" asks first, logs staff-quit and ends the web shell with exit code 0', async ({ page, kiosk }) => {
  await openStaffPanel(page, kiosk.url);
  const quit = page.getByRole('button', { name: t('staff.maintenance.quit'), exact: true });

  // Called off at the confirm step: nothing happens.
  await quit.click();
  await expect(page.getByText(t('staff.maintenance.quitConfirm'))).toBeVisible();
  await page.getByRole('group').getByRole('button', { name: t('staff.cancel'), exact: true }).click();
  await expect(page.getByText(t('staff.maintenance.quitConfirm'))).toBeHidden();
  await page.waitForTimeout(500);
  expect(kiosk.process.exitCode).toBeNull();
  expect(logText(kiosk.configPath)).not.toContain('staff-quit');

  await quit.click();
  // The confirm step, its red button included, as accessible as the rest of staff mode.
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: t('staff.maintenance.quitYes'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: t('staff.maintenance.quitting') })).toBeVisible();
  const code = await new Promise<number | null>((resolve) => {
    if (kiosk.process.exitCode !== null) resolve(kiosk.process.exitCode);
    else kiosk.process.once('exit', (exitCode) => resolve(exitCode));
  });
  expect(code).toBe(0);
  expect(kiosk.output()).toContain('Stopping on staff-quit');
  const log = logText(kiosk.configPath);
  expect(log).toMatch(/"event":"staff-quit"/);
  // The graceful stop ran after it (the same as SIGTERM's): no error on the way out.
  expect(log.slice(log.indexOf('staff-quit'))).not.toMatch(/"level":"error"/);
});

test('"Factory reset" removes the kiosk\'s state files, keeps the log and the hand-off journal, and is back on the provisioning file', async ({ page, kiosk }) => {
  const dir = userData(kiosk.configPath);
  // State the kiosk writes that this test cannot easily make it write: the daily restart's
  // record, a stored fleet configuration (this one is unverifiable, so never applied; the fleet
  // spec covers real ones), and identifications waiting for the till.
  writeFileSync(path.join(dir, 'restart-state.json'), `${JSON.stringify({ lastRestartAt: new Date().toISOString() })}\n`);
  writeFileSync(path.join(dir, 'fleet-config.json'), '{}\n');
  const journal = '{"kind":"test line the reset must keep"}\n';
  writeFileSync(path.join(dir, 'handoff-journal.jsonl'), journal);

  await openStaffPanel(page, kiosk.url);
  // Staff settings to reset: a new terminal ID, saved and applied.
  const terminal = page.getByLabel('Terminal ID');
  await terminal.fill('counter-2');
  await page.getByRole('button', { name: t('staff.save'), exact: true }).click();
  await expect(page.getByText(t('staff.saved'))).toBeVisible();
  await expect(page.getByLabel('Terminal ID')).toHaveValue('counter-2');
  for (const name of ['staff-settings.json', 'staff-lockout.json', 'scan-command.json', 'restart-state.json', 'fleet-config.json']) expect(existsSync(path.join(dir, name)), name).toBe(true);

  const reset = page.getByRole('button', { name: t('staff.maintenance.reset'), exact: true });
  await reset.click();
  await expect(page.getByText(t('staff.maintenance.resetConfirm'))).toBeVisible();
  await page.getByRole('group').getByRole('button', { name: t('staff.cancel'), exact: true }).click();
  expect(existsSync(path.join(dir, 'staff-settings.json'))).toBe(true);

  await reset.click();
  await page.getByRole('button', { name: t('staff.maintenance.resetYes'), exact: true }).click();
  const done = page.getByRole('status').filter({ hasText: 'Reset done' });
  await expect(done).toBeVisible();
  await expect(done).toContainText('staff-settings.json');
  await expect(done).toContainText('fleet-config.json');

  // The form shows the provisioning file's value again, and the files are gone.
  await expect(page.getByLabel('Terminal ID')).toHaveValue('counter-1');
  for (const name of ['staff-settings.json', 'staff-lockout.json', 'restart-state.json', 'fleet-config.json']) expect(existsSync(path.join(dir, name)), name).toBe(false);
  // Kept: the journal byte for byte, the log, the provisioning file.
  expect(readFileSync(path.join(dir, 'handoff-journal.jsonl'), 'utf8')).toBe(journal);
  expect(existsSync(kiosk.configPath)).toBe(true);
  const log = logText(kiosk.configPath);
  const line = log.split('\n').find((entry) => entry.includes('"event":"staff-factory-reset"'));
  expect(line).toBeDefined();
  expect(JSON.parse(line!)).toMatchObject({ removed: ['staff-settings.json', 'staff-lockout.json', 'fleet-config.json', 'restart-state.json', 'scan-command.json'], kept: ['logs', 'handoff-journal.jsonl'], failed: [] });
  // The kiosk still runs on its sandbox, so `npm run scan` finds it again.
  expect(existsSync(path.join(dir, 'scan-command.json'))).toBe(true);

  // Leaving staff mode: the customer screen, still working.
  await page.getByRole('button', { name: t('staff.leave'), exact: true }).click();
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
});
