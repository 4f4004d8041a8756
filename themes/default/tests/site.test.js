import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveTheme, applyTheme, nextTheme } from '../assets/js/site.js';

test('a saved theme beats the system preference', () => {
  assert.equal(effectiveTheme('light', true), 'light');
  assert.equal(effectiveTheme('dark', false), 'dark');
  assert.equal(effectiveTheme(null, true), 'dark');
  assert.equal(effectiveTheme('bogus', false), 'light');
});

test('applyTheme sets or clears data-theme', () => {
  const root = { dataset: {} };
  applyTheme(root, 'dark');
  assert.equal(root.dataset.theme, 'dark');
  applyTheme(root, null);
  assert.equal('theme' in root.dataset, false);
});

test('the toggle flips what shows, and forgets the choice when it matches the system again', () => {
  assert.equal(nextTheme(null, false), 'dark');
  assert.equal(nextTheme(null, true), 'light');
  assert.equal(nextTheme('dark', false), null);
  assert.equal(nextTheme('light', true), null);
  assert.equal(nextTheme('light', false), 'dark');
});
