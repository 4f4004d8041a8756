// One nginx and one Chromium per test file, started before its tests and stopped after them.
import { before, after } from 'node:test';
import { startNginx } from './nginx.js';
import { launch } from './browser.js';
import { siteDir } from './site.js';

/** Returns an object whose `server` ({ url }) and `browser` are set once the file's tests start. */
export function useSite(root) {
  const fixture = {};
  before(async () => {
    fixture.server = await startNginx(root ?? siteDir());
    fixture.browser = await launch();
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.server?.stop();
  });
  return fixture;
}
