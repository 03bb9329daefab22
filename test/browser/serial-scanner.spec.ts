/**
 * A serial scanner through a real pseudo-terminal pair (socat): scans reach the kiosk, bad
 * payloads get the same treatment as from any scanner, unplugging and replugging needs no
 * restart, and a missing port is reported for staff while the other scanners keep working.
 */
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../helpers/fixtures';
import { startPtyPair, type PtyPair } from '../helpers/socat';
import type { WebShell } from '../helpers/web-shell';
import { wedgeScan } from '../helpers/wedge';

/** The kiosk's `serial-state` log lines, newest last. */
function serialStates(kiosk: WebShell): Array<{ state: string; detail: string | null }> {
  return kiosk
    .output()
    .split('\n')
    .filter((line) => line.includes('"event":"serial-state"'))
    .map((line) => JSON.parse(line) as { state: string; detail: string | null });
}

const lastSerialState = (kiosk: WebShell) => serialStates(kiosk).at(-1)?.state;

const test2 = test.extend<{ pty: PtyPair; serialExtra: Record<string, unknown> }>({
  serialExtra: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  pty: async ({}, use, testInfo) => {
    const pair = await startPtyPair(path.join(os.tmpdir(), `kiosk-serial-${process.pid}-${testInfo.testId}`));
    await use(pair);
    await pair.unplug();
  },
  kioskConfig: async ({ pty, serialExtra }: { pty: PtyPair; serialExtra: Record<string, unknown> }, use: (config: unknown) => Promise<void>) => {
    await use({ idleResetSeconds: 30, scanners: { serial: { path: pty.kioskEnd, ...serialExtra } } });
  },
});

test2('a code sent over the serial line identifies the member', async ({ page, kiosk, pty }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  await expect.poll(() => lastSerialState(kiosk)).toBe('open');
  await pty.send('123456\r\n');
  await expect(page.locator('[data-screen="member"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
});

test2('unplugged and plugged back in, the scanner works again without a restart', async ({ page, kiosk, pty }) => {
  await page.goto(kiosk.url);
  await expect.poll(() => lastSerialState(kiosk)).toBe('open');
  await pty.send('123456\r\n');
  await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  await pty.unplug();
  await expect.poll(() => lastSerialState(kiosk)).toBe('retrying');
  expect(serialStates(kiosk).at(-1)?.detail).toContain('disconnected');
  await pty.replug();
  await expect.poll(() => lastSerialState(kiosk), { timeout: 15_000 }).toBe('open');

  await pty.send('234567\r\n');
  await expect(page.getByRole('heading', { name: 'Hi Ingrid!' })).toBeVisible();
  expect(kiosk.process.exitCode).toBeNull(); // the same web shell all along
});

test2('a bad payload over serial gets "not a loyalty code", and scans split across chunks still work', async ({ page, kiosk, pty }) => {
  await page.goto(kiosk.url);
  await expect.poll(() => lastSerialState(kiosk)).toBe('open');
  await pty.send('DROP TABLE members;\r\n');
  await expect(page.locator('[data-screen="codeProblem"]')).toBeVisible();
  await expect(page.locator('body')).toContainText('That is not a loyalty code');
  await pty.send('2345');
  await pty.send('67\n');
  await expect(page.getByRole('heading', { name: 'Hi Ingrid!' })).toBeVisible();
});

test2.describe('with a prefix and suffix (STX … ETX)', () => {
  test2.use({ serialExtra: { prefix: '\u0002', suffix: '\u0003' } });

  test2('the framing is stripped and the code identifies', async ({ page, kiosk, pty }) => {
    await page.goto(kiosk.url);
    await expect.poll(() => lastSerialState(kiosk)).toBe('open');
    await pty.send('\u0002123456\u0003');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  });
});

test.describe('a serial port that does not exist', () => {
  test.use({ kioskConfig: { idleResetSeconds: 30, scanners: { serial: { path: '/dev/ttyKIOSK-missing' } } } });

  test('is reported for staff in words, and the keyboard scanner keeps working', async ({ page, kiosk }) => {
    await page.goto(kiosk.url);
    await expect.poll(() => serialStates(kiosk).find((state) => state.state === 'retrying')?.detail).toContain('/dev/ttyKIOSK-missing does not exist');
    await wedgeScan(page, '123456');
    await expect(page.getByRole('heading', { name: 'Hi Farhan!' })).toBeVisible();
  });
});
