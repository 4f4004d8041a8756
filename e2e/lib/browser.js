// Debian's Chromium, headless, driven by playwright-core. Never a downloaded browser.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launch(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...options });
}

/** A page that fails the test on any console error or uncaught exception, unless `allowErrors`. */
export async function openPage(browser, { allowErrors = false, javaScriptEnabled = true, viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, viewport, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.problems = problems;
  page.assertClean = () => {
    if (!allowErrors && problems.length) throw new Error(problems.join('\n'));
  };
  return page;
}
