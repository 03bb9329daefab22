/**
 * axe-core run inside the page: serious and critical WCAG 2.1 A/AA violations of what shows now.
 *
 * axe-core is injected once per loaded page and run with `axe.run` there. @axe-core/playwright
 * injects it again into every frame on each check and opens a blank page to finish the run
 * (its `analyze()`): about 1.1 s and 1.5 CPU-seconds a check on a two-core machine, against
 * 40-70 ms for the same rules run in the page (measured on the ready screen). The specs check
 * up to eleven screens a test, so that difference was minutes of the browser suite.
 *
 * Only the top document is checked (`iframes: false`): the kiosk's one frame is the hidden
 * camera capture page (`hidden`, `aria-hidden`), which shows nothing and says nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations axe-core finds on the page as it is now, for WCAG 2.0 and 2.1 A and AA. */
export async function axeViolations(page: Page): Promise<AxeResults['violations']> {
  // A navigation (or a reload) since the last check leaves a page without axe.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'], iframes: false };
  return page.evaluate(async (runOptions) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }).axe;
    return (await axe.run(document, runOptions)).violations;
  }, options);
}

/** Serious and critical violations, each as `id: help (the elements' selectors)`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}
