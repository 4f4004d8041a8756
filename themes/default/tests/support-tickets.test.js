// The browser's ticket links must be the generator's, byte for byte: both read the same fixture of known-good URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ticketUrl, draft, composeDraft, encode, cut, wellFormed, prefills } from '../assets/js/support/tickets.js';

const fixture = JSON.parse(readFileSync(new URL('./support-ticket-urls.fixture.json', import.meta.url), 'utf8'));

test('the fixture covers every provider with Chinese, specials and over-long drafts', () => {
  const providers = new Set(fixture.cases.map((c) => fixture.providers[c.provider].type));
  assert.deepEqual([...providers].sort(), ['email', 'github', 'jira', 'url', 'zendesk']);
  assert.ok(fixture.cases.some((c) => c.draft.startsWith('long')));
});

for (const c of fixture.cases) {
  test(`ticket URL: ${c.name}`, () => {
    const url = ticketUrl(fixture.providers[c.provider], draft(fixture.drafts[c.draft]), c.maxLength);
    assert.equal(url, c.expected);
    assert.ok(url.length <= c.maxLength);
  });
}

for (const c of fixture.compose) {
  test(`draft composition: ${c.name}`, () => {
    const d = composeDraft(c.text, c.args);
    assert.equal(d.subject, c.expected.subject);
    assert.equal(d.message, c.expected.message);
    assert.equal(d.details, c.expected.details);
  });
}

test('encoding follows RFC 3986: space is %20, only unreserved characters stay', () => {
  assert.equal(encode('a b+c&d#e%f/g?h=i~j_k.l-m'), 'a%20b%2Bc%26d%23e%25f%2Fg%3Fh%3Di~j_k.l-m');
  assert.equal(encode("!'()*"), '%21%27%28%29%2A');
  assert.equal(encode('提币\n'), '%E6%8F%90%E5%B8%81%0A');
  assert.equal(encode('x\ud83dy\ude80'), 'x%EF%BF%BDy%EF%BF%BD');
  assert.equal(wellFormed('ok\ud83d\ude80'), 'ok\ud83d\ude80');
});

test('cuts never split a surrogate pair and prefer word breaks', () => {
  const rockets = '\u{1F680}'.repeat(5);
  assert.equal(cut(rockets, 3), '\u{1F680}\u2026');
  assert.equal(cut('withdrawal pending for hours', 15), 'withdrawal\u2026');
  assert.equal(cut('withdrawal pending for hours', 18), 'withdrawal pending\u2026');
  assert.equal(cut('提币一直没有到账', 4), '提币一直\u2026');
});

test('random drafts stay within the limit and every parameter decodes', () => {
  const pieces = ['a', 'Z', ' ', '&', '#', '%', '+', '\n', '提', '币', '\u{1F680}', 'é', '~', '=', '?'];
  let seed = 7;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    let message = 'Problem: ';
    const length = rand(1500);
    for (let i = 0; i < length; i++) message += pieces[rand(pieces.length)];
    const provider = fixture.providers[['zendesk', 'github', 'email'][round % 3]];
    const max = 300 + rand(1700);
    const url = ticketUrl(provider, draft({ category: 'withdrawals', subject: 'Withdrawals', message, details: 'UID:', locale: 'en' }), max);
    assert.ok(url.length <= max, `round ${round}`);
    for (const part of url.slice(url.indexOf('?') + 1).split('&')) {
      const value = decodeURIComponent(part.slice(part.indexOf('=') + 1)); // throws on a cut escape
      assert.ok(!value.includes('\uFFFD'), `round ${round}`);
    }
  }
});

test('Jira forms cannot be prefilled', () => {
  assert.equal(prefills(fixture.providers.jira), false);
  assert.equal(prefills(fixture.providers.zendesk), true);
});
