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

/**
 * A page that fails the test on any console error, uncaught exception or Content-Security-Policy violation, unless
 * `allowErrors`. CSP violations are also collected from the page's own securitypolicyviolation events.
 */
export async function openPage(browser, {
  allowErrors = false, javaScriptEnabled = true, viewport = { width: 1280, height: 900 }, colorScheme = 'light',
  reducedMotion = 'reduce', storageState,
} = {}) {
  const context = await browser.newContext({ javaScriptEnabled, viewport, colorScheme, reducedMotion, storageState });
  // Init scripts are injected by the DevTools protocol, outside the page's CSP, and run even with JavaScript off.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.problems = problems;
  page.cspViolations = async () => (javaScriptEnabled ? page.evaluate(() => window.__cspViolations ?? []) : []);
  page.assertClean = async () => {
    const csp = await page.cspViolations().catch(() => []);
    const all = [...problems, ...csp.map((v) => `CSP: ${v}`)];
    if (!allowErrors && all.length) throw new Error(all.join('\n'));
  };
  return page;
}

/** The relative luminance (0 dark … 1 light) of an element's computed background colour. */
export async function backgroundLuminance(page, selector = 'body') {
  return page.locator(selector).first().evaluate((el) => {
    const [r, g, b] = getComputedStyle(el).backgroundColor.match(/[\d.]+/g).slice(0, 3).map(Number)
      .map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

/** How far the page scrolls sideways: 0 when nothing sticks out of the viewport. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}
