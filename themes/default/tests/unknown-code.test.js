import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeTarget } from '../assets/js/unknown-code.js';

const locales = ['en', 'zh-CN'];
const chinese = () => 'zh-CN';

test('an unknown code under a locale searches for it in that locale', () => {
  assert.deepEqual(codeTarget('/en/go/NOPE-123/', '/', locales, chinese),
    { code: 'NOPE-123', locale: 'en', url: '/en/search/?q=NOPE-123', search: true });
  assert.equal(codeTarget('/zh-CN/go/NOPE-123/index.html', '/', locales, chinese).url, '/zh-CN/search/?q=NOPE-123');
});

test('an unknown code without a locale searches in the reader\'s language', () => {
  assert.equal(codeTarget('/go/NOPE-123/', '/', locales, chinese).url, '/zh-CN/search/?q=NOPE-123');
  assert.equal(codeTarget('/help/go/X.1/', '/help/', locales, () => 'en').url, '/help/en/search/?q=X.1');
});

test('a lower-case code first tries its upper-case link, which is the one the build writes', () => {
  assert.deepEqual(codeTarget('/en/go/wd-1023/', '/', locales, chinese),
    { code: 'wd-1023', locale: 'en', url: '/en/go/WD-1023/', search: false });
  assert.equal(codeTarget('/go/wd-1023', '/', locales, chinese).url, '/go/WD-1023/');
  // Not a valid code: straight to search, escaped.
  assert.equal(codeTarget('/en/go/bad%20code/', '/', locales, chinese).url, '/en/search/?q=bad%20code');
});

test('other missing pages are left to the 404 page', () => {
  assert.equal(codeTarget('/en/old-page/', '/', locales, chinese), null);
  assert.equal(codeTarget('/fr/go/E1/', '/', locales, chinese), null);
  assert.equal(codeTarget('/en/go/', '/', locales, chinese), null);
  assert.equal(codeTarget('/en/go/E1/more/', '/', locales, chinese), null);
  assert.equal(codeTarget('/other/go/E1/', '/help/', locales, chinese), null);
});
