/**
 * Every row of the README's two sandbox tables ("The sandbox's members"), run through the web
 * shell as a newcomer would with `npm run scan -- CODE`: the code goes to the kiosk's scan
 * command endpoint (the one scripts/scan.ts finds in the user-data folder), the page must show
 * the screen the row names, and, where the row names a member, their first name and points.
 * A row added to the README is tested without a change here; a row that no longer holds fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/fixtures';

interface SandboxRow {
  codes: string[];
  answer: string;
  screens: string[];
}

function sandboxRows(): SandboxRow[] {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf("\n## The sandbox's members\n"), readme.indexOf('\n## Screens\n'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [codes = '', answer = '', screen = ''] = line.slice(1, -1).split(' | ');
      // The screen cell names the screens in order: `identifying`, then `serviceProblem`.
      return { codes: [...codes.matchAll(/`([^`]+)`/g)].map((match) => match[1]!), answer, screens: [...screen.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!) };
    });
}

/** The member a row names ("Farhan Ahmed, 14,464 points"), or the one it refers to. */
function memberOf(row: SandboxRow, rows: SandboxRow[]): { firstName: string; points: string } | null {
  const named = /([A-Z][a-z]+) [A-Z][a-z]+(?: \(phone \d+\))?, ([\d,]+) points/.exec(row.answer);
  if (named) return { firstName: named[1]!, points: named[2]! };
  // "Farhan's loyalty ID: same member", or "exchanged for 4712345678, then as above": the row that names them.
  const same = /^([A-Z][a-z]+)'s .*same member/.exec(row.answer);
  const phone = /exchanged for (\d+), then as above/.exec(row.answer);
  const other = same ? rows.find((candidate) => candidate.answer.startsWith(`${same[1]} `)) : phone ? rows.find((candidate) => candidate.answer.includes(`(phone ${phone[1]})`)) : undefined;
  return other ? memberOf(other, []) : null;
}

const rows = sandboxRows();

async function scanCommand(userData: string, code: string): Promise<{ screen?: string; ignored?: string }> {
  const endpoint = JSON.parse(readFileSync(path.join(userData, 'scan-command.json'), 'utf8')) as { url: string; token: string };
  const response = await fetch(endpoint.url, { method: 'POST', headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'text/plain' }, body: code });
  expect(response.status).toBe(200);
  return (await response.json()) as { screen?: string; ignored?: string };
}

const screen = (page: Page) => page.locator('main[data-screen]');

test('the README names sandbox rows to run (a broken reader would test nothing)', () => {
  expect(rows.length).toBeGreaterThanOrEqual(16);
  expect(rows.find((row) => row.codes.includes('123456'))).toMatchObject({ screens: ['member'] });
  expect(memberOf(rows.find((row) => row.codes.includes('4711fc2a-3a8f-414f-a9e7-44dd5231dca7'))!, rows)).toEqual({ firstName: 'Farhan', points: '14,464' });
});

test("every row of the README's sandbox tables shows the screen it names, scanned with npm run scan's endpoint", async ({ page, kiosk }) => {
  test.setTimeout(180_000);
  const userData = path.dirname(kiosk.configPath);
  await page.goto(kiosk.url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  for (const row of rows) {
    const expected = row.screens.at(-1)!;
    const member = expected === 'member' ? memberOf(row, rows) : null;
    if (expected === 'member') expect(member, `the row for ${row.codes.join(', ')} names its member`).not.toBeNull();
    for (const code of row.codes) {
      await test.step(`${code} → ${row.screens.join(' → ')}`, async () => {
        const answer = scanCommand(userData, code);
        // A row that names a screen on the way (identifying) shows it first.
        if (row.screens.length > 1) await expect(screen(page)).toHaveAttribute('data-screen', row.screens[0]!);
        expect(await answer).toEqual({ screen: expected });
        await expect(screen(page)).toHaveAttribute('data-screen', expected);
        if (member) {
          await expect(page.getByRole('heading', { name: `Hi ${member.firstName}!` })).toBeVisible();
          await expect(page.getByTestId('points')).toHaveText(member.points);
        }
        // Back to ready for the next row (Done, as a customer would).
        await page.getByRole('button', { name: /^(Done|Try again|Joined\? Scan again)$/ }).click();
        await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
      });
    }
  }
});
