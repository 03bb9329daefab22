/**
 * Every screen and the keypad for typing the code, in English and Norwegian, standard and high
 * contrast, checked with axe-core: no serious or critical violation. The Norwegian screens show
 * no English; a keyboard alone walks the whole flow; targets are big enough for any finger;
 * reduced motion means no animation.
 */
import type { Page } from '@playwright/test';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { seriousViolations } from '../helpers/axe';
import { expect, test } from '../helpers/fixtures';
import { CATALOGUES } from '../helpers/catalogue';
import { startFakeIdentify, type FakeIdentifyServer } from '../helpers/fake-identify-server';
import { wedgeScan } from '../helpers/wedge';

/** Screen → the sandbox code that leads there (null: where the kiosk starts). */
const SCREENS: Array<[string, string | null]> = [
  ['ready', null],
  ['identifying', '555555'], // the sandbox never answers it: identifying for 5 s
  ['member', '123456'],
  ['member', '4711fc2a-3a8f-414f-a9e7-44dd5231dca7'], // the same member with nothing picked
  ['notMember', 'https://qr.vipps.no/p/sandbox-ola'],
  ['codeProblem', '000000'],
  ['serviceProblem', '444444'],
  ['needsStaff', '333333'],
];

const screen = (page: Page) => page.locator('main[data-screen]');
const PIN = '246810';
const ATTRACT_LINE = { en: 'Members get every 10th coffee free', nb: 'Medlemmer får hver 10. kaffe gratis' };

type Tree = { [key: string]: string | Tree };
function strings(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`)));
}

/**
 * The English words that must not show on a Norwegian screen: every English string's fixed parts
 * (around its placeholders) that Norwegian says differently, matched as whole words. Language
 * names are left out: the picker names each language in its own language, on purpose.
 */
function englishOnly(): RegExp[] {
  const norwegian = strings(CATALOGUES.nb as unknown as Tree)
    .map(([, text]) => text)
    .join('\n');
  const fragments = strings(CATALOGUES.en as unknown as Tree)
    .filter(([key]) => !key.startsWith('meta.'))
    .flatMap(([, text]) => text.split(/\{\{[^}]*\}\}/))
    .map((fragment) => fragment.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((fragment) => /\p{L}{2}/u.test(fragment) && !norwegian.includes(fragment));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...new Set(fragments)].map((fragment) => new RegExp(`(?<!\\p{L})${escape(fragment)}(?!\\p{L})`, 'u'));
}

/** Everything a person can see or hear on the page: its text, labels, titles, placeholders and the page title. */
function everythingSaid(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].flatMap((element) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

type Use = (config: unknown) => Promise<void>;

/** No serious or critical axe violation on the page as it is now, and on a Norwegian page no English. */
async function checkPage(page: Page, language: 'en' | 'nb', name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  if (language === 'nb') {
    const said = await everythingSaid(page);
    expect(englishOnly().filter((pattern) => pattern.test(said)).map(String), `English on ${name}: ${said}`).toEqual([]);
  }
}

for (const language of ['en', 'nb'] as const) {
  for (const contrast of ['standard', 'high'] as const) {
    test.describe(`${language}, ${contrast} contrast`, () => {
      test.use({
        // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
        kioskConfig: async ({}, use: Use) => use({ idleResetSeconds: 120, attractAfterSeconds: 60, locale: language, brand: { attractLine: ATTRACT_LINE }, staff: { pinHash: await hashPin(PIN, { N: 1024, r: 8, p: 1 }) } }),
      });

      test(`every screen, the attract screen and staff mode have no serious or critical axe violation${language === 'nb' ? ', and no English' : ''}`, async ({ page, kiosk }) => {
        test.setTimeout(90_000); // axe on eight screens, the attract screen and staff mode: 6-14 s alone, more on a loaded machine
        await page.goto(kiosk.url);
        await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (contrast === 'high') {
          await page.getByRole('button', { name: CATALOGUES[language].options.contrastOn }).click();
          await expect(screen(page)).toHaveAttribute('data-contrast', 'high');
        }
        const english = englishOnly();
        const check = async (name: string) => {
          expect(await seriousViolations(page), name).toEqual([]);
          if (language === 'nb') {
            const said = await everythingSaid(page);
            expect(english.filter((pattern) => pattern.test(said)).map(String), `English on ${name}: ${said}`).toEqual([]);
          }
        };
        for (const [name, code] of SCREENS) {
          if (code) await wedgeScan(page, code);
          await expect(screen(page)).toHaveAttribute('data-screen', name);
          // Results are never scans apart: contrast stays as the customer set it on ready.
          await expect(screen(page)).toHaveAttribute('data-contrast', contrast);
          await check(name);
        }
        // The attract screen (the customer's choices go with it: standard contrast again). The
        // page's clock is faked only now: Playwright's fake clock also stamps key events when a
        // handler first reads them, which would make a scanner's burst as slow as a busy page.
        await page.clock.install();
        await page.getByRole('button', { name: CATALOGUES[language].common.done }).click();
        await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
        await page.clock.fastForward('01:01');
        await expect(screen(page)).toHaveAttribute('data-attract', 'on');
        await expect(page.getByTestId('attract-line')).toHaveText(ATTRACT_LINE[language]);
        await check('attract');
        // Staff mode, in the kiosk's language: the PIN pad and the panel.
        await page.waitForTimeout(300);
        await page.keyboard.press('Control+Alt+KeyS');
        await expect(screen(page)).toHaveAttribute('data-screen', 'staff');
        await check('staff PIN pad');
        for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).click();
        await page.getByRole('button', { name: CATALOGUES[language].staff.ok, exact: true }).click();
        await expect(page.getByRole('heading', { name: CATALOGUES[language].staff.healthTitle })).toBeVisible();
        await check('staff panel');
        // The check itself can fail: grey text on the dark theme is a contrast violation.
        await page.locator('h1').evaluate((heading) => (heading.style.color = '#333333'));
        expect((await seriousViolations(page)).join('\n')).toContain('color-contrast');
      });

      test(`the keypad for typing the code, with a code in it and resting after three wrong codes${language === 'nb' ? ', in no English' : ''}`, async ({ page, kiosk }) => {
        test.setTimeout(90_000);
        const words = CATALOGUES[language];
        await page.goto(kiosk.url);
        await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
        const keypad = page.getByRole('dialog', { name: words.keypad.title });
        // The customer's contrast goes with each result: set again for each try.
        const open = async () => {
          if (contrast === 'high') await page.getByRole('button', { name: words.options.contrastOn }).click();
          await page.getByRole('button', { name: words.ready.typeCode }).click();
          await expect(keypad).toBeVisible();
        };
        for (let attempt = 0; attempt < 3; attempt++) {
          await open();
          for (const digit of '000000') await keypad.getByRole('button', { name: digit, exact: true }).click();
          if (attempt === 0) await checkPage(page, language, 'keypad with a code typed');
          await keypad.getByRole('button', { name: words.keypad.submit, exact: true }).click();
          await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
          await page.getByRole('button', { name: words.common.tryAgain }).click();
          await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
        }
        await open();
        await expect(keypad.locator('.keypad-resting')).toBeVisible();
        await expect(screen(page)).toHaveAttribute('data-contrast', contrast);
        await checkPage(page, language, 'keypad resting');
      });
    });
  }
}

for (const language of ['en', 'nb'] as const) {
  test.describe(`notMember with the chain's join link, ${language}`, () => {
    let backEnd: FakeIdentifyServer;
    test.beforeEach(async () => {
      backEnd = await startFakeIdentify(() => ({ status: 404, json: { error: { code: 'UserNotFound' } } }));
    });
    test.afterEach(async () => {
      await backEnd.close();
    });
    test.use({
      // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
      kioskConfig: async ({}, use: Use) =>
        use({ idleResetSeconds: 120, locale: language, identify: { baseUrl: backEnd.baseUrl, token: 'test-token-123' }, personalQr: { phoneForm: 'local' }, joinUrl: 'https://join.example/club' }),
    });

    test(`the join QR code screen has no serious or critical axe violation${language === 'nb' ? ', and no English' : ''}`, async ({ page, kiosk }) => {
      await page.goto(kiosk.url);
      await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
      await wedgeScan(page, 'https://qr.vipps.no/28/2/01/031/4798765432?v=1');
      await expect(screen(page)).toHaveAttribute('data-screen', 'notMember');
      await expect(page.getByTestId('join-qr')).toBeVisible();
      await checkPage(page, language, 'notMember with the join QR code');
    });
  });
}

test('touch targets: every button on the customer screens is at least 48 × 48 px', async ({ page, kiosk }) => {
  const viewports: Array<[{ width: number; height: number }, string]> = [
    [{ width: 1080, height: 1920 }, '123456'],
    [{ width: 800, height: 1280 }, '234567'],
    [{ width: 1920, height: 1080 }, '4711fc2a-3a8f-414f-a9e7-44dd5231dca7'],
  ];
  for (const [viewport, member] of viewports) {
    await page.setViewportSize(viewport);
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    for (const [name, code] of [['ready', null], ['member', member]] as const) {
      if (code) await wedgeScan(page, code);
      await expect(screen(page)).toHaveAttribute('data-screen', name);
      const sizes = await page.locator('button').evaluateAll((buttons) => buttons.map((button) => ({ text: button.textContent, ...button.getBoundingClientRect().toJSON() })));
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) expect({ ...size, big: size.width >= 48 && size.height >= 48 }).toMatchObject({ big: true });
    }
    await page.getByRole('button', { name: 'Done' }).click();
  }
});

test('the keypad: every key at least 64 × 64 px, and the whole keypad on the screen without a scroll, in larger text too', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  for (const viewport of [
    { width: 1080, height: 1920 },
    { width: 800, height: 1280 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(kiosk.url);
    await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
    for (const larger of [false, true]) {
      if (larger) await page.getByRole('button', { name: 'Larger text' }).click();
      await page.getByRole('button', { name: 'Type your code' }).click();
      const keypad = page.getByRole('dialog', { name: 'Type your code' });
      await expect(keypad).toBeVisible();
      const keys = await keypad.locator('button').evaluateAll((buttons) => buttons.map((button) => ({ text: button.textContent, ...button.getBoundingClientRect().toJSON() })));
      expect(keys).toHaveLength(14);
      for (const size of keys) expect({ ...viewport, larger, ...size, big: size.width >= 64 && size.height >= 64 }).toMatchObject({ big: true });
      expect(await keypad.evaluate((dialog) => dialog.scrollHeight <= dialog.clientHeight && dialog.getBoundingClientRect().bottom <= innerHeight), `${viewport.width}×${viewport.height}`).toBe(true);
      await keypad.getByRole('button', { name: 'Cancel' }).click();
      await expect(keypad).toHaveCount(0);
    }
  }
});

test('a keyboard alone: pick Norwegian and larger text, scan, press Done; the next customer gets the defaults', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  // Tab to the Norwegian button and press Enter.
  for (let presses = 0; presses < 10 && (await focusedText()) !== 'Norsk bokmål'; presses++) await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('Norsk bokmål');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Skann fordelskoden din' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Norsk bokmål' })).toHaveAttribute('aria-checked', 'true');
  // On to larger text.
  for (let presses = 0; presses < 10 && (await focusedText()) !== 'Større tekst, høy kontrast'; presses++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toHaveAttribute('data-contrast', 'high');
  // Scan: the result screen's Done has the focus; Enter presses it.
  await wedgeScan(page, '123456');
  await expect(page.getByRole('heading', { name: 'Hei, Farhan!' })).toBeVisible();
  await expect(page.getByTestId('points')).toHaveText('14\u00a0464');
  await expect(page.getByRole('button', { name: 'Ferdig' })).toBeFocused();
  await page.waitForTimeout(300); // a person's Enter, not the scanner's
  await page.keyboard.press('Enter');
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
  await expect(page.getByRole('heading', { name: 'Scan your loyalty code' })).toBeVisible();
  await expect(screen(page)).toHaveAttribute('data-contrast', 'standard');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('every screen is announced through one live region', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveText('Scan your loyalty code. Open the app and hold your QR code up to the scanner.');
  await wedgeScan(page, '123456');
  await expect(announcer).toHaveText('Hi Farhan! Your points: 14,464.');
  await wedgeScan(page, '000000');
  await expect(announcer).toHaveText('We could not find that code. Refresh the code in your app and scan again.');
  expect(await page.locator('[aria-live]').count()).toBe(1);
});

test.describe('reduced motion', () => {
  test.use({ kioskConfig: { idleResetSeconds: 120, attractAfterSeconds: 60 } });

  for (const motion of ['reduce', 'no-preference'] as const) {
    test(`${motion}: ${motion === 'reduce' ? 'no animation on the attract screen or while identifying' : 'the attract screen and the spinner move'}`, async ({ page, kiosk }) => {
      await page.emulateMedia({ reducedMotion: motion });
      await page.goto(kiosk.url);
      await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
      const running = () => page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length);
      // Identifying: the spinner.
      await wedgeScan(page, '555555');
      await expect(screen(page)).toHaveAttribute('data-screen', 'identifying');
      if (motion === 'reduce') expect(await running()).toBe(0);
      else expect(await running()).toBeGreaterThan(0);
      await expect(screen(page)).toHaveAttribute('data-screen', 'serviceProblem', { timeout: 15_000 });
      // The attract screen, on a faked clock from here on (no more scans: it would stamp their keys late).
      await page.clock.install();
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
      await page.clock.fastForward('01:01');
      await expect(screen(page)).toHaveAttribute('data-attract', 'on');
      await expect(page.getByTestId('phone-hint')).toBeVisible();
      if (motion === 'reduce') expect(await running()).toBe(0);
      else expect(await running()).toBeGreaterThan(0);
    });
  }
});
