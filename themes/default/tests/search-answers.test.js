// Instant answers: when the engine shows a FAQ answer (or an article's summary) above the results. The decision on
// hand-made results, then real queries on the sample help center's index (built by
// generator/src/test/java/dev/pharos/search/SearchStageTest.java into generator/target/search-fixture/site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSearch, instantAnswer, questionMatch, ANSWER } from '../assets/js/search/engine.js';
import { siteFetch } from '../../../bench/search/lib/fsfetch.js';

const here = dirname(fileURLToPath(import.meta.url));
const SITE = process.env.PHAROS_SEARCH_FIXTURE || join(here, '..', '..', '..', 'generator', 'target', 'search-fixture', 'site');
const needsFixture = { skip: existsSync(join(SITE, '_pharos', 'search', 'en', 'meta.json')) ? false : `no index at ${SITE}: mvn -pl generator test -Dtest=SearchStageTest builds it` };

const meta = { analyzer: 'english', stop: ['the', 'a', 'i', 'my', 'not'], optional: ['why', 'how', 'can'], base: '/en/' };
/** A query concept as the engine has it after reading the dictionary: one exact word found in the index. */
const word = (term, weight = 1, extra = {}) => ({ weight, alts: [{ terms: [term], entries: [{ df: 1 }], kind: 'exact' }], ...extra });
const faqPage = {
  path: 'deposits/faq/', title: 'Deposits FAQ', section: 'Deposits',
  parts: [['', '', 'Answers.'], ['cancel', 'Can I cancel a withdrawal?', 'Yes, while…', 'Yes, while it is under review.'],
    ['fees', 'Fees', 'Network fees…']],
};

test('a question that says what was asked, on a result that leads, gives its answer', () => {
  const live = [word('cancel', 2), word('withdraw', 1)];
  const answer = instantAnswer([{ part: 1, score: 10 }, { part: 0, score: 5 }], [faqPage], live, meta);
  assert.equal(answer.question, 'Can I cancel a withdrawal?');
  assert.equal(answer.text, 'Yes, while it is under review.');
  assert.equal(answer.url, '/en/deposits/faq/#cancel');
  assert.equal(answer.cover, 1);
  assert.equal(answer.lead, 2);
});

test('no answer when the match is weak', () => {
  const top = (score2) => [{ part: 1, score: 10 }, { part: 0, score: score2 }];
  // The next result is nearly as good: the reader may mean it.
  assert.equal(instantAnswer(top(9), [faqPage], [word('cancel', 2), word('withdraw')], meta), null);
  // The question leaves out a telling word of the query ("order").
  assert.equal(instantAnswer(top(2), [faqPage], [word('cancel', 1), word('order', 3)], meta), null);
  // One word of a longer question: "cancel" alone does not say which cancellation.
  const longer = { ...faqPage, parts: [faqPage.parts[0], ['c', 'Can I cancel a pending crypto withdrawal order?', '', 'Yes.']] };
  assert.equal(instantAnswer(top(2), [longer], [word('cancel')], meta), null);
  // The best part of the result has no answer (not a FAQ entry, and the page has no summary).
  assert.equal(instantAnswer([{ part: 2, score: 10 }], [faqPage], [word('fee')], meta), null);
  assert.equal(instantAnswer([{ part: 0, score: 10 }], [faqPage], [word('deposit'), word('faq')], meta), null);
});

test('an article summary answers a query that says its title, and links to the article', () => {
  const article = { path: 'account/frozen/', title: 'Why is my account frozen?', section: 'Account', parts: [['', '', 'x', 'Most freezes lift within a day.']] };
  const answer = instantAnswer([{ part: 0, score: 4 }], [article], [word('account', 0.5), word('frozen', 2)], meta);
  assert.equal(answer.url, '/en/account/frozen/');
  assert.equal(answer.text, 'Most freezes lift within a day.');
});

test('question words and optional words of the query count on neither side', () => {
  const m = questionMatch('Why can I not withdraw?', [word('withdraw', 2), word('why', 1, { optional: true })], meta);
  assert.equal(m.cover, 1);
  assert.equal(m.said, 1); // "why" and "can" are optional, "i" and "not" stop words
  assert.ok(ANSWER.cover <= 1 && ANSWER.said <= 1 && ANSWER.margin > 1);
});

const engine = () => createSearch({ indexUrl: (l) => `http://help.test/_pharos/search/${l}/meta.json`, fetch: siteFetch(SITE) });

test('the sample: a FAQ question typed shows its answer, in English and Chinese', needsFixture, async () => {
  const [en] = await engine().search('forgot memo', { lang: 'en', limit: 6 });
  assert.equal(en.answer.question, 'I forgot the memo or tag. Is my money lost?');
  assert.equal(en.answer.url, '/en/deposits-withdrawals/faq/#i-forgot-the-memo-or-tag-is-my-money-lost');
  assert.match(en.answer.text, /^No\. Go to Assets > Deposit, pick the coin/);
  const [zh] = await engine().search('应该选哪个网络', { lang: 'zh-CN', limit: 6 });
  assert.equal(zh.answer.question, '应该选哪个网络？');
  assert.ok(zh.answer.url.startsWith('/zh-CN/deposits-withdrawals/faq/#'), zh.answer.url);
  assert.ok(zh.answer.text.length > 20 && !/[<*]/.test(zh.answer.text), zh.answer.text);
});

test('the sample: an article summary answers its title', needsFixture, async () => {
  const [r] = await engine().search('account frozen', { lang: 'en', limit: 6 });
  assert.equal(r.answer.url, '/en/account/account-frozen/');
  assert.equal(r.answer.question, 'Why is my account frozen?');
});

test('the sample: the margin over the next page holds also when one result is asked for', needsFixture, async () => {
  assert.ok((await engine().search('forgot memo', { lang: 'en', limit: 1 }))[0].answer);
  const margin = ANSWER.margin;
  ANSWER.margin = 10; // "forgot memo" leads the next page by less than this
  try {
    for (const limit of [1, 6]) {
      const [r] = await engine().search('forgot memo', { lang: 'en', limit });
      assert.equal(r.url, '/en/deposits-withdrawals/faq/#i-forgot-the-memo-or-tag-is-my-money-lost');
      assert.equal(r.answer, undefined, `limit ${limit}`);
    }
  } finally {
    ANSWER.margin = margin;
  }
});

test('the sample: vague or partial queries show no answer', needsFixture, async () => {
  for (const [q, lang] of [['memo', 'en'], ['withdr', 'en'], ['money never showed up after I sent it', 'en'], ['withdrawal', 'en'], ['提币', 'zh-CN'], ['一天最多能提多少', 'zh-CN']]) {
    const results = await engine().search(q, { lang, limit: 6 });
    assert.ok(results.length > 0, q);
    assert.equal(results[0].answer, undefined, `${q}: ${JSON.stringify(results[0].answer)}`);
  }
});
