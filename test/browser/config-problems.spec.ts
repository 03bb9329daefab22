/** An invalid configuration shows staff what is wrong instead of crashing, and recovers when fixed. */
import { writeFileSync } from 'node:fs';
import { expect, test } from '../helpers/fixtures';
import { wedgeScan } from '../helpers/wedge';

test.describe('an invalid config file', () => {
  test.use({ kioskConfig: { storeId: '1', idleResetSeconds: 'soon', identify: { baseUrl: 'https://loyalty.example', token: 'SECRET-TOKEN-VALUE', timeoutMs: 10 } } });

  test('shows needsStaff naming each bad field, never a secret, and recovers when the file is fixed', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect(page.locator('[data-screen="needsStaff"]')).toBeVisible();
    await expect(page.locator('body')).toContainText('Please ask at the till');
    await expect(page.locator('body')).toContainText('idleResetSeconds');
    await expect(page.locator('body')).toContainText('identify.timeoutMs');
    await expect(page.locator('body')).not.toContainText('SECRET-TOKEN-VALUE');
    await expect(page.getByRole('button', { name: 'Done' })).toHaveCount(0);
    await wedgeScan(page, '123456');
    await expect(page.locator('[data-screen="needsStaff"]')).toBeVisible();
    expect(kiosk.output()).not.toContain('SECRET-TOKEN-VALUE');

    writeFileSync(kiosk.configPath, JSON.stringify({ storeId: '1', idleResetSeconds: 20 }));
    await expect(page.locator('[data-screen="ready"]')).toBeVisible();
    await wedgeScan(page, '123456');
    await expect(page.locator('[data-screen="member"]')).toBeVisible();
  });
});

test.describe('a config file that is not JSON', () => {
  test.use({ kioskConfig: undefined });

  test('shows needsStaff saying so', async ({ page }) => {
    const { startWebShell } = await import('../helpers/web-shell');
    const { writeFileSync: write, mkdtempSync } = await import('node:fs');
    const path = await import('node:path');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-bad-json-'));
    const file = path.join(dir, 'config.json');
    write(file, '{ "storeId": "1", ');
    const shell = await startWebShell({ env: { KIOSK_CONFIG: file } });
    try {
      await page.goto(shell.url);
      await expect(page.locator('[data-screen="needsStaff"]')).toBeVisible();
      await expect(page.locator('body')).toContainText('For staff: code C-FILE');
      expect(shell.output()).toContain('is not valid JSON');
    } finally {
      await shell.stop();
    }
  });
});
