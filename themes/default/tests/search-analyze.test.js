// The browser's query analysis on cases worth naming; search-agreement.test.js checks whole corpora against Lucene.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, surfaces, terms, termStep, needsFold, loadFold } from '../assets/js/search/analyze.js';
import { stem } from '../assets/js/search/porter.js';

const english = { analyzer: 'english', stop: ['a', 'and', 'is', 'my', 'the', 'to'].filter((w) => w !== 'my') };
const cjk = { analyzer: 'cjk', stop: ['a', 'the'] };

test('words follow UAX#29 as Lucene does: dots, apostrophes and underscores join, hyphens split', () => {
  const t = tokenize("e.g. node.js don't user's 1,000.5 snake_case co-op 2fa");
  assert.deepEqual(t.map((x) => x.text), ['e.g', 'node.js', "don't", "user's", '1,000.5', 'snake_case', 'co', 'op', '2fa']);
  assert.deepEqual(t.map((x) => x.type), ['<ALPHANUM>', '<ALPHANUM>', '<ALPHANUM>', '<ALPHANUM>', '<NUM>', '<ALPHANUM>', '<ALPHANUM>', '<ALPHANUM>', '<ALPHANUM>']);
  assert.deepEqual([t[1].start, t[1].end], [5, 12]);
});

test('scripts get their token types and CJK ideographs come one by one', () => {
  const t = tokenize('中文 カタカナ 한국어 ภาษาไทย 😀');
  assert.deepEqual(t.map((x) => [x.text, x.type]), [
    ['中', '<IDEOGRAPHIC>'], ['文', '<IDEOGRAPHIC>'], ['カタカナ', '<KATAKANA>'], ['한국어', '<HANGUL>'],
    ['ภาษาไทย', '<SOUTHEAST_ASIAN>'], ['😀', '<EMOJI>'],
  ]);
});

test('a word longer than 255 units is cut like Lucene cuts it', () => {
  const t = tokenize(`${'x'.repeat(300)} b`);
  assert.deepEqual(t.map((x) => x.text.length), [255, 45, 1]);
});

test('CJK runs become bigrams with their text ranges, a lone character a unigram', () => {
  assert.deepEqual(surfaces('提币一直没到账').map((s) => s.surface), ['提币', '币一', '一直', '直没', '没到', '到账']);
  assert.deepEqual(surfaces('提币一').slice(1).map((s) => [s.surface, s.start, s.end]), [['币一', 1, 3]]);
  assert.deepEqual(surfaces('币 USDT 充值').map((s) => s.surface), ['币', 'usdt', '充值']);
  assert.deepEqual(surfaces('カタカナ').map((s) => s.surface), ['カタ', 'タカ', 'カナ']);
});

test('width, case and accents fold as in the index', async () => {
  assert.deepEqual(surfaces('ＡＰＩ１２ ｶﾞｲﾄﾞ').map((s) => s.surface), ['api12', 'ガイ', 'イド']);
  assert.deepEqual(surfaces('İSTANBUL').map((s) => s.surface), ['istanbul']);
  assert.equal(needsFold('Café'), true);
  assert.equal(needsFold('cafe 提币'), false);
  await loadFold();
  assert.deepEqual(surfaces('Café Straße Ærø').map((s) => s.surface), ['cafe', 'strasse', 'aero']);
});

test('the English step strips possessives, drops stop words and stems', () => {
  const step = termStep(english);
  assert.equal(step("user's"), 'user');
  assert.equal(step('the'), null);
  assert.equal(step('withdrawals'), 'withdraw');
  assert.deepEqual(terms('Withdrawals to my wallet', english), ['withdraw', 'my', 'wallet']);
  assert.deepEqual(terms('提币 the 提现', cjk), ['提币', '提现']);
});

test('Porter stems as Lucene does', () => {
  const cases = {
    caresses: 'caress', ponies: 'poni', cats: 'cat', agreed: 'agre', disabled: 'disabl', matting: 'mat',
    mating: 'mate', meeting: 'meet', relational: 'relat', conditional: 'condit', generalization: 'gener',
    happiness: 'happi', electrical: 'electr', adjustment: 'adjust', controlling: 'control', rolling: 'roll',
    withdrawal: 'withdraw', verification: 'verif', authenticator: 'authent', pending: 'pend', sky: 'sky',
    ion: 'ion', eed: 'eed', a: 'a',
  };
  for (const [word, expected] of Object.entries(cases)) assert.equal(stem(word), expected, word);
});
