import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeProblems, restoredScroll } from '../assets/js/dev-reload.js';

test('build problems become overlay lines with file and line', () => {
  const lines = describeProblems([
    { severity: 'error', location: 'en/account/faq.md:12', message: "'weight' must be a whole number" },
    { severity: 'warning', location: '', message: 'no title' },
  ]);
  assert.deepEqual(lines, [
    { location: 'en/account/faq.md:12', severity: 'error', text: "error: 'weight' must be a whole number" },
    { location: '', severity: 'warning', text: 'warning: no title' },
  ]);
});

test('the scroll position comes back only on the page it was saved on', () => {
  const saved = JSON.stringify({ path: '/en/account/', y: 420 });
  assert.equal(restoredScroll(saved, '/en/account/'), 420);
  assert.equal(restoredScroll(saved, '/en/security/'), null);
  assert.equal(restoredScroll('not json', '/en/account/'), null);
  assert.equal(restoredScroll(null, '/en/account/'), null);
});
