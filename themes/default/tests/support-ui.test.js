// The support modules' pure parts: trigger words, vote payloads, verdict texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findTrigger, normalize } from '../assets/js/support/emergency.js';
import { payload, send } from '../assets/js/support/feedback.js';
import { describe, format } from '../assets/js/support/verify.js';
import { ticketFor, excerptParts } from '../assets/js/support/assistant.js';

const triggers = ['hacked', 'stolen', 'account takeover', '被盗', '冻结'];

test('trigger words match whole words, any case, full-width forms, and inside Chinese text', () => {
  assert.equal(findTrigger('My account was HACKED!', triggers), 'hacked');
  assert.equal(findTrigger('ｈａｃｋｅｄ', triggers), 'hacked');
  assert.equal(findTrigger('account   takeover', triggers), 'account takeover');
  assert.equal(findTrigger('我的账户被盗了', triggers), '被盗');
  assert.equal(findTrigger('账户hacked了怎么办', triggers), 'hacked');
  assert.equal(findTrigger('如何冻结账户', triggers), '冻结');
  assert.equal(findTrigger('shacked up', triggers), null);
  assert.equal(findTrigger('withdrawal pending', triggers), null);
  assert.equal(findTrigger('', triggers), null);
  assert.equal(normalize('  Ａ  B '), 'a b');
});

test('a vote carries the article id, the locale and the vote, and nothing else', () => {
  const box = { dataset: { page: 'deposits-withdrawals/crypto/withdrawal-pending', locale: 'zh-CN', endpoint: '/feedback' } };
  assert.deepEqual(JSON.parse(payload(box, 'no')), { id: 'deposits-withdrawals/crypto/withdrawal-pending', locale: 'zh-CN', vote: 'no' });
  const sent = [];
  assert.equal(send(box, 'yes', { sendBeacon: (url, body) => sent.push([url, body]) > 0 }), true);
  assert.deepEqual(sent, [['/feedback', '{"id":"deposits-withdrawals/crypto/withdrawal-pending","locale":"zh-CN","vote":"yes"}']]);
  assert.equal(send({ dataset: { page: 'a', locale: 'en' } }, 'yes', { sendBeacon: () => assert.fail('no endpoint, no beacon') }), false);
  assert.equal(send(box, 'yes', { sendBeacon: () => { throw new TypeError('blocked'); } }), false);
});

function strings(locale) {
  // The verdict texts come from the theme's i18n files (support.verify.*), as the page gets them.
  const text = readFileSync(new URL(`../i18n/${locale}.yml`, import.meta.url), 'utf8');
  const out = {};
  const block = text.slice(text.indexOf('\n  verify:\n'));
  let group = '';
  for (const line of block.split('\n').slice(2)) {
    const nested = line.match(/^ {4}(\w+):\s*$/);
    const leaf = line.match(/^ {6}(\w+):\s*"?(.*?)"?\s*$/);
    if (nested) group = nested[1];
    else if (leaf && group) out[`${group}.${leaf[1]}`] = leaf[2];
    else if (/^ {0,3}\S/.test(line)) break;
  }
  return out;
}

test('verdicts are explained in the reader\'s language, and unknown is never called safe', () => {
  const official = { names: ['Tidewell'], domains: ['tidewell.example'], emails: ['@tidewell.example'], handles: [], phones: [] };
  const en = describe('tidewell.example.help-desk.io', official, strings('en'));
  assert.equal(en.verdict, 'lookalike');
  assert.match(en.title, /^Warning: tidewell\.example\.help-desk\.io is not ours/);
  assert.deepEqual(en.reasons, ['It starts with our domain tidewell.example, but the real site is help-desk.io.']);
  const zh = describe('example.org', official, strings('zh-CN'));
  assert.equal(zh.verdict, 'unknown');
  assert.match(zh.title, /^不在列表中/);
  for (const locale of ['en', 'zh-CN']) {
    for (const [key, value] of Object.entries(strings(locale))) {
      assert.doesNotMatch(value, /\bsafe\b|安全的/, `${locale} ${key}`);
    }
  }
  assert.equal(format('{0} and {1}', ['a']), 'a and ');
});

test('the assistant builds the ticket from the reader\'s words', () => {
  const data = {
    locale: 'en', localeLabel: 'English', maxLength: 2000,
    provider: { type: 'github', base: 'https://github.com/o/r', labels: [], template: '', categories: {} },
    text: { pair: '{0}: {1}', problem: 'Problem', attach: 'attach it', article: 'Help article', language: 'Language' },
    categories: [{ id: 'withdrawals', label: 'Withdrawals', details: [{ label: 'UID', attach: false }] }],
  };
  const t = ticketFor(data, 'withdrawals', 'USDT stuck & 50% gone');
  assert.equal(t.url, 'https://github.com/o/r/issues/new?title=Withdrawals%3A%20USDT%20stuck%20%26%2050%25%20gone&body=Problem%3A%20USDT%20stuck%20%26%2050%25%20gone%0A%0AUID%3A%0A%0ALanguage%3A%20English%20%28en%29');
  assert.equal(t.copyText, 'Withdrawals: USDT stuck & 50% gone\n\nProblem: USDT stuck & 50% gone\n\nUID:\n\nLanguage: English (en)');
});

test('search excerpts keep only text and <mark>, with entities decoded', () => {
  assert.deepEqual(excerptParts('Your <mark>withdrawal</mark> <img src=x onerror="alert(1)">is <b>pending</b> &amp; 5 &lt; 6 &#x1F680;'), [
    { text: 'Your ', mark: false },
    { text: 'withdrawal', mark: true },
    { text: ' is pending & 5 < 6 \u{1F680}', mark: false },
  ]);
  assert.deepEqual(excerptParts('<mark class="x">提币</mark>审核中'), [{ text: '提币', mark: true }, { text: '审核中', mark: false }]);
  assert.deepEqual(excerptParts(undefined), []);
});
