/** The web shell's bridge works only for the page opened with the launch token. */
import { expect, test } from '../helpers/fixtures';

test('a page opened without the launch token gets no UI and no bridge', async ({ page, kiosk }) => {
  const origin = new URL(kiosk.url).origin;
  const response = await page.goto(`${origin}/`);
  expect(response?.status()).toBe(404);
  const result = await page.evaluate(async (base) => {
    const attempt = (url: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      });
    return { noToken: await attempt(`${base}/bridge`), wrongToken: await attempt(`${base}/not-the-token/bridge`) };
  }, origin.replace('http', 'ws'));
  expect(result).toEqual({ noToken: 'refused', wrongToken: 'refused' });
});

test('a page at another origin cannot use the bridge even with the token', async ({ page, kiosk }) => {
  const bridgeUrl = `${kiosk.url.replace('http', 'ws')}bridge`;
  // Same token, wrong Origin: e.g. a local page that learnt the URL. Data URLs have origin "null".
  await page.goto('about:blank');
  const state = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      }),
    bridgeUrl,
  );
  expect(state).toBe('refused');
});

test('the bridge refuses malformed messages and invalid arguments without changing the session', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
  const answers = await page.evaluate(async (url) => {
    const socket = new WebSocket(url);
    await new Promise((resolve) => (socket.onopen = resolve));
    const replies: string[] = [];
    socket.onmessage = (message) => replies.push(String(message.data));
    socket.send(JSON.stringify({ id: 1, channel: 'kiosk:done', arg: { wipe: 'everything' } }));
    socket.send(JSON.stringify({ id: 2, channel: 'kiosk:format-disk' }));
    socket.send(JSON.stringify({ id: 3, channel: 'kiosk:key-input', arg: { key: 'x'.repeat(500) } }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    return replies.map((reply) => JSON.parse(reply) as { id: number; ok: boolean; error?: string });
  }, `${kiosk.url.replace('http', 'ws')}bridge`);
  expect(answers.find((a) => a.id === 1)).toMatchObject({ ok: false, error: expect.stringContaining('Invalid argument for kiosk:done') });
  expect(answers.find((a) => a.id === 2)).toMatchObject({ ok: false, error: expect.stringContaining('Unknown channel') });
  expect(answers.find((a) => a.id === 3)).toMatchObject({ ok: false, error: expect.stringContaining('Invalid argument') });
  await expect(page.locator('[data-screen="ready"]')).toBeVisible();
});
