/**
 * What each customer gets: their own language and larger text (back to the kiosk's defaults for
 * the next one), an attract screen when nobody is there, sounds on results, and the chain's
 * brand; and screens that fit portrait kiosks, landscape kiosks and tablets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { contrast } from '../../renderer/src/theme/brand-shades';
import { expect, test } from '../helpers/fixtures';
import { wedgeScan } from '../helpers/wedge';

const screen = (page: Page) => page.locator('main[data-screen]');
const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(screen(page)).toHaveAttribute('data-screen', 'ready');
}

test.describe('the language picker', () => {
  test('Norwegian for this customer only: the screens and the points in Norwegian, English again after Done', async ({ page, kiosk }) => {
    await ready(page, kiosk.url);
    await page.getByRole('radio', { name: 'Norsk bokmål' }).click();
    await expect(heading(page, 'Skann fordelskoden din')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await wedgeScan(page, '234567');
    await expect(heading(page, 'Hei, Ingrid!')).toBeVisible();
    await expect(page.getByTestId('points')).toHaveText('2\u00a0750');
    await expect(page.getByTestId('items')).toContainText('Fordel');
    await page.getByRole('button', { name: 'Ferdig' }).click();
    await expect(heading(page, 'Scan your loyalty code')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'English' })).toHaveAttribute('aria-checked', 'true');
  });

  test.describe('on a kiosk configured for Norwegian', () => {
    test.use({ kioskConfig: { idleResetSeconds: 3, locale: 'nb' } });

    test('a tourist picks English; the countdown brings the next customer back to Norwegian', async ({ page, kiosk }) => {
      await ready(page, kiosk.url);
      await expect(heading(page, 'Skann fordelskoden din')).toBeVisible();
      await page.getByRole('radio', { name: 'English' }).click();
      await wedgeScan(page, '234567');
      await expect(page.getByTestId('points')).toHaveText('2,750');
      await expect(heading(page, 'Skann fordelskoden din')).toBeVisible({ timeout: 8000 }); // after the 3 s countdown
    });
  });
});

test('larger text and high contrast for this customer only', async ({ page, kiosk }) => {
  await ready(page, kiosk.url);
  const size = () => heading(page, 'Scan your loyalty code').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const before = await size();
  const toggle = page.getByRole('button', { name: 'Larger text' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(screen(page)).toHaveAttribute('data-contrast', 'high');
  expect(await size()).toBeGreaterThanOrEqual(before * 1.25);
  expect(await page.locator('main').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 0, 0)');
  await wedgeScan(page, '123456');
  await expect(screen(page)).toHaveAttribute('data-contrast', 'high');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(screen(page)).toHaveAttribute('data-contrast', 'standard');
  expect(await size()).toBe(before);
});

test.describe('the attract screen', () => {
  test.use({ kioskConfig: { idleResetSeconds: 30, attractAfterSeconds: 60 } });

  test('after a minute with nobody, shows how to scan without hiding the prompt or "Type your code"', async ({ page, kiosk }) => {
    await page.clock.install();
    await ready(page, kiosk.url);
    // The page's clock also runs on while a loaded machine gets the page to ready and us to
    // here (a clean-clone run with one core busy lost a second): ten seconds of margin.
    await page.clock.fastForward('00:50');
    await expect(screen(page)).toHaveAttribute('data-attract', 'off');
    await page.clock.fastForward('00:12');
    await expect(screen(page)).toHaveAttribute('data-attract', 'on');
    await expect(page.getByTestId('phone-hint')).toBeVisible();
    await expect(heading(page, 'Scan your loyalty code')).toBeVisible();
    await expect(page.getByRole('list', { name: 'How to scan' })).toBeVisible();
    // Typing the code is offered there too; a touch on it ends the attract screen and opens the keypad.
    await page.getByRole('button', { name: 'Type your code' }).click();
    await expect(page.getByRole('dialog', { name: 'Type your code' })).toBeVisible();
    await expect(screen(page)).toHaveAttribute('data-attract', 'off');
  });

  test.describe('on the shortest delay', () => {
    // Real time here: Playwright's fake clock would stamp the scanner's keys late (see accessibility.spec.ts).
    test.use({ kioskConfig: { idleResetSeconds: 30, attractAfterSeconds: 10 } });

    test('a scan on the attract screen works at once', async ({ page, kiosk }) => {
      await ready(page, kiosk.url);
      await expect(screen(page)).toHaveAttribute('data-attract', 'on', { timeout: 15_000 });
      await wedgeScan(page, '123456');
      await expect(heading(page, 'Hi Farhan!')).toBeVisible();
      await expect(page.getByTestId('phone-hint')).toHaveCount(0);
    });
  });

  test('a touch ends it; a customer who picked a language and walked away leaves it behind', async ({ page, kiosk }) => {
    await page.clock.install();
    await ready(page, kiosk.url);
    await page.getByRole('radio', { name: 'Norsk bokmål' }).click();
    await page.clock.fastForward('01:01');
    await expect(screen(page)).toHaveAttribute('data-attract', 'on');
    await expect(heading(page, 'Scan your loyalty code')).toBeVisible(); // back to the kiosk's language
    await page.mouse.click(540, 1500);
    await expect(screen(page)).toHaveAttribute('data-attract', 'off');
  });
});

/** Records every sound the page starts: its file and volume. */
async function recordSounds(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: Array<{ src: string; volume: number }> = [];
    Object.assign(window, { soundsPlayed: played });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push({ src: this.src.split('/').pop() ?? '', volume: this.volume });
      return play.call(this);
    };
  });
}
const soundsPlayed = (page: Page) => page.evaluate(() => (window as unknown as { soundsPlayed: Array<{ src: string; volume: number }> }).soundsPlayed);

test.describe('sounds', () => {
  test('a read tone the moment a code is read, then a chime on a successful scan, a different sound on a problem, at the configured volume', async ({ page, kiosk }) => {
    await recordSounds(page);
    await ready(page, kiosk.url);
    await wedgeScan(page, '123456');
    await expect(heading(page, 'Hi Farhan!')).toBeVisible();
    await expect.poll(() => soundsPlayed(page)).toEqual([
      { src: expect.stringMatching(/^read-.*\.wav$/), volume: 0.5 },
      { src: expect.stringMatching(/^success-.*\.wav$/), volume: 0.5 },
    ]);
    await wedgeScan(page, '000000');
    await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
    await expect.poll(async () => (await soundsPlayed(page)).map((sound) => sound.src.split('-')[0])).toEqual(['read', 'success', 'read', 'problem']);
    // The countdown's pushes are not new results: still four sounds.
    await page.waitForTimeout(1500);
    expect(await soundsPlayed(page)).toHaveLength(4);
  });

  test.describe('turned down', () => {
    test.use({ kioskConfig: { idleResetSeconds: 30, sounds: { volume: 0.2 } } });
    test('plays at the configured volume', async ({ page, kiosk }) => {
      await recordSounds(page);
      await ready(page, kiosk.url);
      await wedgeScan(page, '123456');
      await expect.poll(async () => (await soundsPlayed(page))[0]?.volume).toBeCloseTo(0.2, 5);
    });
  });

  test.describe('turned off', () => {
    test.use({ kioskConfig: { idleResetSeconds: 30, sounds: { enabled: false } } });
    test('plays nothing', async ({ page, kiosk }) => {
      await recordSounds(page);
      await ready(page, kiosk.url);
      await wedgeScan(page, '123456');
      await expect(heading(page, 'Hi Farhan!')).toBeVisible();
      await wedgeScan(page, '000000');
      await expect(screen(page)).toHaveAttribute('data-screen', 'codeProblem');
      await page.waitForTimeout(500);
      expect(await soundsPlayed(page)).toEqual([]);
    });
  });
});

const LOGO = mkdtempSync(path.join(os.tmpdir(), 'kiosk-logo-'));
writeFileSync(path.join(LOGO, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#c2410c"/></svg>');

test.describe('a chain\'s brand', () => {
  test.use({ kioskConfig: { idleResetSeconds: 30, brand: { programName: 'Burger Club', color: '#c2410c', logo: path.join(LOGO, 'logo.svg') } } });

  test('its programme name, logo and colour, in shades that stay readable', async ({ page, kiosk }) => {
    await ready(page, kiosk.url);
    await expect(page.locator('.brand-name')).toHaveText('Burger Club');
    await expect(page.locator('.brand-logo')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
    expect(await page.locator('main').evaluate((element) => getComputedStyle(element).getPropertyValue('--brand').trim())).toBe('#c2410c');
    await wedgeScan(page, '123456');
    const done = page.getByRole('button', { name: 'Done' });
    expect(await done.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(194, 65, 12)');
    // Brand-coloured text is lightened until it reads on the dark theme (WCAG AA, 4.5:1).
    const [text, surface] = await page.getByTestId('points').evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element.closest('.card') ?? element).backgroundColor]);
    const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
    const hex = (css: string) => `#${rgb(css).map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
    expect(text).not.toBe('rgb(194, 65, 12)');
    expect(contrast(hex(text), hex(surface))).toBeGreaterThanOrEqual(4.5);
  });
});

test.describe('a logo that cannot be used', () => {
  test.use({ kioskConfig: { idleResetSeconds: 30, brand: { logo: '/no/such/logo.png' } } });

  test('costs the logo, never the kiosk: logged, and the brand mark shows instead', async ({ page, kiosk }) => {
    await ready(page, kiosk.url);
    await expect(page.locator('.brand-logo')).toHaveCount(0);
    await expect(page.locator('.brand-mark')).toBeVisible();
    expect(kiosk.output()).toContain('"event":"brand-logo-unusable"');
    await wedgeScan(page, '123456');
    await expect(heading(page, 'Hi Farhan!')).toBeVisible();
  });
});

test.describe('layouts', () => {
  for (const viewport of [
    { name: 'portrait kiosk', width: 1080, height: 1920 },
    { name: 'landscape kiosk', width: 1920, height: 1080 },
    { name: 'tablet', width: 800, height: 1280 },
  ]) {
    test(`${viewport.name} ${viewport.width}×${viewport.height}: every screen fits, with no scrolling, in standard and larger text`, async ({ page, kiosk }) => {
      await page.setViewportSize(viewport);
      await ready(page, kiosk.url);
      const steps = [
        ['ready', null],
        ['member', '123456'],
        ['codeProblem', '000000'],
        ['needsStaff', '333333'],
        ['ready', 'done'],
        ['ready', 'larger'],
        ['member', '234567'],
        ['notMember', 'https://qr.vipps.no/p/sandbox-ola'],
        ['serviceProblem', '444444'],
      ] as const;
      for (const [name, code] of steps) {
        if (code === 'done') await page.getByRole('button', { name: 'Done' }).click();
        else if (code === 'larger') await page.getByRole('button', { name: 'Larger text' }).click();
        else if (code) await wedgeScan(page, code);
        await expect(screen(page)).toHaveAttribute('data-screen', name);
        const overflow = await page.evaluate(() => {
          const stage = document.querySelector('.stage');
          return { page: document.documentElement.scrollWidth > window.innerWidth, stage: stage ? stage.scrollHeight > stage.clientHeight || stage.scrollWidth > stage.clientWidth : true };
        });
        expect({ name, ...overflow }).toEqual({ name, page: false, stage: false });
        for (const button of await page.locator('button').all()) await expect(button).toBeInViewport({ ratio: 1 });
      }
    });
  }
});

test.describe('the attract screen, with what members get', () => {
  const attractLine = { en: 'Members get every 10th coffee free', nb: 'Medlemmer får hver 10. kaffe gratis' };

  for (const [locale, line] of [['en', attractLine.en], ['nb', attractLine.nb]] as const) {
    test.describe(`on a kiosk in ${locale}`, () => {
      test.use({ kioskConfig: { idleResetSeconds: 30, attractAfterSeconds: 60, locale, brand: { attractLine } } });

      test('says what members get, shows a phone with a code on it, and fills the steps in turn', async ({ page, kiosk }) => {
        await page.clock.install();
        await ready(page, kiosk.url);
        await expect(page.getByTestId('attract-line')).toHaveCount(0); // only on the attract screen
        await page.clock.fastForward('01:02');
        await expect(screen(page)).toHaveAttribute('data-attract', 'on');
        await expect(page.getByTestId('attract-line')).toHaveText(line);
        // A phone: a dark body, a bright screen, and a code's modules on it (three finder squares and more).
        const phone = page.getByTestId('phone-hint');
        await expect(phone).toBeVisible();
        expect(await phone.locator('.phone-glass').evaluate((element) => getComputedStyle(element).fill)).toBe('rgb(255, 255, 255)');
        expect(((await phone.locator('.phone-code').getAttribute('d')) ?? '').match(/M/g)?.length).toBeGreaterThan(40);
        // The steps are filled with the brand colour (#14b8a6) in turn, not outlined by a pixel.
        const filled = () => page.locator('.scan-steps li').evaluateAll((steps) => steps.map((step) => getComputedStyle(step).backgroundColor));
        await expect.poll(filled, { timeout: 8000 }).toContainEqual('rgb(20, 184, 166)');
      });
    });
  }
});
