import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickLocale } from '../assets/js/language-redirect.js';

const available = ['en', 'zh-CN'];

test('a saved choice wins over the browser languages', () => {
  assert.equal(pickLocale(available, 'zh-CN', ['en-US', 'en'], 'en'), 'zh-CN');
});

test('browser languages match exactly, then by language', () => {
  assert.equal(pickLocale(available, null, ['zh-CN'], 'en'), 'zh-CN');
  assert.equal(pickLocale(available, null, ['zh-Hans-CN', 'en'], 'en'), 'zh-CN');
  assert.equal(pickLocale(available, null, ['de-DE', 'en-GB'], 'zh-CN'), 'en');
});

test('case does not matter and unknown saved values are ignored', () => {
  assert.equal(pickLocale(available, 'ZH-cn', [], 'en'), 'zh-CN');
  assert.equal(pickLocale(available, 'fr', ['fr-FR'], 'en'), 'en');
});
