// The opt-in search beacon (js/search/analytics.js): what it sends, when, and when it sends nothing.
// navigator.sendBeacon is the browser boundary, so a recording stand-in takes its place here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed, createTracker } from '../assets/js/search/analytics.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function recorder(extra = {}) {
  const sent = [];
  return { sent, nav: { sendBeacon: (url, body) => sent.push({ url, body: JSON.parse(body) }) > 0, ...extra } };
}

const clock = () => {
  let n = 0;
  return () => new Date(Date.UTC(2026, 10, 3, 9, 0, n++));
};

test('without an endpoint there is no tracker and nothing is sent', async () => {
  const { sent, nav } = recorder();
  assert.equal(createTracker({ nav }), null);
  assert.equal(createTracker({ endpoint: '', nav }), null);
  await sleep(20);
  assert.deepEqual(sent, []);
});

test('Do Not Track and Global Privacy Control turn it off', () => {
  assert.equal(allowed({ sendBeacon() {}, doNotTrack: '1' }), false);
  assert.equal(allowed({ sendBeacon() {}, globalPrivacyControl: true }), false);
  assert.equal(allowed({}), false, 'no sendBeacon, no beacon');
  assert.equal(allowed({ sendBeacon() {}, doNotTrack: '0', globalPrivacyControl: false }), true);
  for (const opt of [{ doNotTrack: '1' }, { globalPrivacyControl: true }]) {
    const { sent, nav } = recorder(opt);
    assert.equal(createTracker({ endpoint: '/collect', nav, settleMs: 1 }), null);
    assert.deepEqual(sent, []);
  }
});

test('only the query the reader settled on is sent, with its locale, time and result count', async () => {
  const { sent, nav } = recorder();
  const tracker = createTracker({ endpoint: '/collect/search', nav, now: clock(), settleMs: 30 });
  tracker.searched('wi', 'en', 9);
  tracker.searched('withd', 'en', 4);
  tracker.searched('  withdrawl ', 'en', 0);
  await sleep(80);
  assert.deepEqual(sent, [{ url: '/collect/search', body: { v: 1, t: '2026-11-03T09:00:02.000Z', q: 'withdrawl', lang: 'en', results: 0 } }]);
  tracker.searched('withdrawl', 'en', 0); // the same results shown again: still one search
  await sleep(80);
  assert.equal(sent.length, 1);
  tracker.searched('   ', 'en', 0);
  await sleep(80);
  assert.equal(sent.length, 1, 'an empty box is no search');
});

test('opening a result sends the settled search first, then the opened URL and its rank; no other field', async () => {
  const { sent, nav } = recorder();
  const tracker = createTracker({ endpoint: 'https://collect.example/s', nav, now: clock(), settleMs: 10_000 });
  tracker.searched('提币', 'zh-CN', 5);
  tracker.opened('/zh-CN/deposits-withdrawals/crypto/withdrawal-pending/', 2);
  assert.deepEqual(sent.map((s) => s.body), [
    { v: 1, t: '2026-11-03T09:00:00.000Z', q: '提币', lang: 'zh-CN', results: 5 },
    { v: 1, t: '2026-11-03T09:00:01.000Z', q: '提币', lang: 'zh-CN', results: 5, opened: '/zh-CN/deposits-withdrawals/crypto/withdrawal-pending/', rank: 2 },
  ]);
  assert.ok(sent.every((s) => s.url === 'https://collect.example/s'));
  for (const { body } of sent) assert.deepEqual(Object.keys(body).filter((k) => !['v', 't', 'q', 'lang', 'results', 'opened', 'rank'].includes(k)), []);
  await sleep(20);
  assert.equal(sent.length, 2);
});

test('an opened result before any search sends nothing, and a refused beacon does not throw', () => {
  const { sent, nav } = recorder();
  createTracker({ endpoint: '/c', nav }).opened('/en/a/', 1);
  assert.deepEqual(sent, []);
  const angry = createTracker({ endpoint: '/c', nav: { sendBeacon() { throw new TypeError('blocked'); } }, settleMs: 1 });
  angry.searched('fees', 'en', 3);
  angry.flush();
});
