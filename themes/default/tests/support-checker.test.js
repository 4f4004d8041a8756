// The official-channel checker: official, unknown (never "safe"), and every look-alike trick scammers use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, punycodeDecode, skeleton, registrable } from '../assets/js/support/checker.js';

// The sample site's list (content/pharos.yml, support.official), as the page receives it.
const official = {
  names: ['Tidewell'],
  domains: ['tidewell.example'],
  emails: ['@tidewell.example'],
  handles: [
    { platform: 'X', handle: '@tidewell', url: 'https://x.com/tidewell' },
    { platform: 'Telegram', handle: '@tidewell', url: 'https://t.me/tidewell' },
    { platform: 'Telegram', handle: '@tidewell_cn', url: 'https://t.me/tidewell_cn' },
    { platform: 'Telegram', handle: '@tidewell_announcements', url: 'https://t.me/tidewell_announcements' },
    { platform: 'YouTube', handle: '@TidewellExchange', url: 'https://www.youtube.com/@TidewellExchange' },
  ],
  phones: ['+1 555 0100', '+1 555 0123'],
};

const cases = [
  // Official, however it is written.
  ['tidewell.example', 'official', 'exact'],
  ['https://help.tidewell.example/en/contact/', 'official', 'subdomain'],
  ['HTTPS://WWW.TIDEWELL.EXAMPLE', 'official', 'subdomain'],
  ['ｔｉｄｅｗｅｌｌ．ｅｘａｍｐｌｅ', 'official', 'exact'], // full-width forms
  ['support@tidewell.example', 'official', 'exact'],
  ['"Tidewell Support" <no-reply@mail.tidewell.example>', 'official', 'subdomain'],
  ['@tidewell', 'official', 'exact'],
  ['@TidewellExchange', 'official', 'exact'],
  ['https://t.me/tidewell_cn', 'official', 'exact'],
  ['telegram: @tidewell_announcements', 'official', 'exact'],
  ['+1 555 0100', 'official', 'exact'],
  ['+1 (555) 010-0', 'official', 'exact'], // formatted differently, same digits
  ['001 555 0123', 'official', 'exact'],
  ['555-0100', 'official', 'exact'], // without the country code
  // Other top-level domains.
  ['tidewell.com', 'lookalike', 'otherTld'],
  ['https://tidewell.co.uk/login', 'lookalike', 'otherTld'],
  // Our domain as the start of someone else's.
  ['tidewell.example.help-desk.io', 'lookalike', 'extraSubdomain'],
  ['https://tidewell.secure-login.net/verify', 'lookalike', 'extraSubdomain'],
  // Swapped characters.
  ['tidewe11.example', 'lookalike', 'swap'], // 1 for l
  ['tldewell.example', 'lookalike', 'swap'], // l for i
  ['https://tid3well.example', 'lookalike', 'swap'],
  ['t0dewell.example', 'lookalike', 'typo'], // 0 for i is not a look-alike, but one letter off
  ['tidevvell.example', 'lookalike', 'swap'], // vv for w
  ['@tidewell_announcernents', 'lookalike', 'swap'], // rn for m
  ['@tidewe11', 'lookalike', 'swap'],
  ['@tide_well', 'lookalike', 'swap'],
  // Letters from other alphabets, typed or as punycode.
  ['tіdewell.example', 'lookalike', 'confusable'], // Cyrillic і
  ['tidеwell.example', 'lookalike', 'confusable'], // Cyrillic е
  ['https://xn--tdewell-rog.example/', 'lookalike', 'punycode'],
  ['@tidewеll', 'lookalike', 'confusable'],
  ['tidewell.exαmple', 'lookalike', 'confusable'], // Greek α in the TLD
  // Added words.
  ['tidewell-support.com', 'lookalike', 'addedWords'],
  ['@tidewell_support_help', 'lookalike', 'addedWords'],
  ['https://x.com/TidewellHelpDesk', 'lookalike', 'addedWords'],
  // Misspellings.
  ['tidewel.example', 'lookalike', 'typo'],
  ['@tidwell', 'lookalike', 'typo'],
  // Email display-name tricks and other providers.
  ['"support@tidewell.example" <help@tidewell-help.io>', 'lookalike', 'displayName'],
  ['Tidewell Support <tidewell.support@gmail.com>', 'lookalike', 'displayName'],
  ['tidewell.support@gmail.com', 'lookalike', 'brandElsewhere'],
  ['support@tidewe1l.example', 'lookalike', 'swap'],
  // A real name on the wrong platform, and the userinfo trick.
  ['https://instagram.com/tidewell', 'lookalike', 'otherPlatform'],
  ['https://tidewell.example@login-check.io/account', 'lookalike', 'userinfo'],
  // Phone numbers one digit off.
  ['+1 555 0109', 'lookalike', 'phoneDigit'],
  ['+1 555 01000', 'lookalike', 'phoneDigit'],
  // Unknown: not ours, and not pretending to be — still never "safe".
  ['example.org', 'unknown', 'notListed'],
  ['someone@gmail.com', 'unknown', 'freeMail'],
  ['@cryptohelpdesk', 'unknown', 'notListed'],
  ['+44 20 7946 0958', 'unknown', 'notListed'],
];

for (const [input, verdict, reason] of cases) {
  test(`${input} → ${verdict} (${reason})`, () => {
    const result = check(input, official);
    assert.equal(result.verdict, verdict, JSON.stringify(result));
    assert.ok(result.reasons.some((r) => r.code === reason), `expected reason ${reason}: ${JSON.stringify(result.reasons)}`);
  });
}

test('more than 15 cases, covering every trick', () => {
  assert.ok(cases.length >= 15);
  const codes = new Set(cases.map((c) => c[2]));
  for (const trick of ['otherTld', 'extraSubdomain', 'swap', 'confusable', 'punycode', 'addedWords', 'displayName', 'phoneDigit', 'otherPlatform', 'userinfo']) {
    assert.ok(codes.has(trick), trick);
  }
});

test('punycode decodes per RFC 3492', () => {
  assert.equal(punycodeDecode('tdewell-rog'), 'tіdewell');
  assert.equal(punycodeDecode('mnchen-3ya'), 'münchen');
  assert.equal(punycodeDecode('fiqs8s'), '中国');
  assert.equal(punycodeDecode('!!'), null);
});

test('skeletons fold look-alikes together', () => {
  assert.equal(skeleton('tidewell'), skeleton('t1dewe11'));
  assert.equal(skeleton('announcements'), skeleton('announcernents'));
  assert.equal(skeleton('tidewell'), skeleton('tіdewell'));
  assert.notEqual(skeleton('tidewell'), skeleton('tidewater'));
});

test('registrable parts of hosts', () => {
  assert.deepEqual(registrable(['a', 'b', 'example', 'com']), ['example', 'com']);
  assert.deepEqual(registrable(['login', 'tidewell', 'co', 'uk']), ['tidewell', 'co', 'uk']);
});

test('empty input and an empty list give no verdict of safety', () => {
  assert.deepEqual(check('   ', official), { verdict: 'unknown', kind: 'empty', reasons: [] });
  assert.equal(check('tidewell.example', {}).verdict, 'unknown');
});
