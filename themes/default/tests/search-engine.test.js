// Ranking, typos, prefixes, synonyms and excerpts, on the sample help center's real index (built by
// generator/src/test/java/dev/pharos/search/SearchStageTest.java into generator/target/search-fixture/site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSearch, editDistance, allowedEdits, plan, highlight, escapeHtml } from '../assets/js/search/engine.js';
import { Index, Reader, hostRanges } from '../assets/js/search/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const SITE = process.env.PHAROS_SEARCH_FIXTURE || join(here, '..', '..', '..', 'generator', 'target', 'search-fixture', 'site');
const fixture = existsSync(join(SITE, '_pharos', 'search', 'en', 'meta.json'));
const needsFixture = { skip: fixture ? false : `no index at ${SITE}: mvn -pl generator test -Dtest=SearchStageTest builds it` };

/** A static host over the fixture: honours Range unless told not to, and counts requests. */
function host({ ranges = true } = {}) {
  const log = [];
  const fetchImpl = async (url, init = {}) => {
    const path = decodeURIComponent(new URL(url).pathname);
    let bytes;
    try {
      bytes = readFileSync(join(SITE, path));
    } catch {
      return new Response('', { status: 404 });
    }
    const asked = init.headers?.Range;
    const range = ranges && asked;
    const size = bytes.length;
    if (range) {
      const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range);
      bytes = bytes.subarray(Number(a), Number(b) + 1);
    }
    log.push({ path, bytes: bytes.length, range: asked });
    return new Response(bytes, range
      ? { status: 206, headers: { 'Content-Range': `${range.replace('=', ' ')}/${size}` } }
      : { status: 200 });
  };
  return { fetchImpl, log };
}

function engine(options) {
  const h = host(options);
  const s = createSearch({ indexUrl: (l) => `http://help.test/_pharos/search/${l}/meta.json`, fetch: h.fetchImpl });
  return { ...s, log: h.log };
}

const paths = (results) => results.map((r) => new URL(r.url, 'http://x').pathname);

test('edit distance counts a transposition as one edit', () => {
  assert.equal(editDistance('withdrawl', 'withdraw', 2), 1);
  assert.equal(editDistance('recieve', 'receive', 2), 1);
  assert.equal(editDistance('abcdef', 'abcdef', 1), 0);
  assert.equal(editDistance('kitten', 'sitting', 1), 2); // more than allowed: reported as max + 1
  assert.deepEqual([3, 4, 7, 8, 12].map(allowedEdits), [0, 1, 1, 2, 2]);
});

test('a query plan groups synonym phrases and marks the word being typed', () => {
  const meta = { analyzer: 'english', stop: ['the'], synonyms: [[['withdraw'], ['cash', 'out']]] };
  const concepts = plan('cash out the withdr', meta);
  assert.equal(concepts.length, 2);
  assert.deepEqual(concepts[0].alts.map((a) => a.terms.join(' ')), ['cash out', 'withdraw']);
  assert.equal(concepts[1].open, true);
  assert.equal(plan('withdr ', meta)[0].open, false);
  // The last CJK character alone is being typed; a complete bigram is not.
  const zh = { analyzer: 'cjk', stop: [], synonyms: [] };
  assert.equal(plan('提', zh)[0].open, true);
  assert.equal(plan('提币', zh)[0].open, false);
});

test('highlighting marks matched words by their terms, and escapes the rest', () => {
  const en = { analyzer: 'english', stop: [] };
  assert.equal(highlight('Withdrawals <b> are pending', new Set(['withdraw', 'pend']), en),
    '<mark>Withdrawals</mark> &lt;b&gt; are <mark>pending</mark>');
  const zh = { analyzer: 'cjk', stop: [] };
  assert.equal(highlight('提币一直没到账', new Set(['提币', '到账']), zh), '<mark>提币</mark>一直没<mark>到账</mark>');
  assert.equal(highlight('提币到账', new Set(['提币', '币到']), zh), '<mark>提币到</mark>账');
  assert.equal(escapeHtml(`"'&`), '&quot;&#39;&amp;');
});

test('results carry url, title, section and an excerpt with marks', needsFixture, async () => {
  const s = engine();
  const results = await s.search('withdrawal pending', { lang: 'en', limit: 5 });
  assert.ok(results.length > 0);
  assert.equal(paths(results)[0], '/en/deposits-withdrawals/crypto/withdrawal-pending/');
  for (const r of results) {
    assert.equal(typeof r.url, 'string');
    assert.ok(r.title && typeof r.section === 'string');
    assert.match(r.excerpt + r.titleHtml + r.headingHtml, /<mark>/);
  }
});

test('a FAQ question that matches is the deep link', needsFixture, async () => {
  const results = await engine().search('cancel a withdrawal', { lang: 'en', limit: 5 });
  const faq = results.find((r) => r.url.startsWith('/en/deposits-withdrawals/faq/'));
  assert.ok(faq, paths(results).join(' '));
  assert.equal(faq.url, '/en/deposits-withdrawals/faq/#can-i-cancel-a-withdrawal');
  assert.equal(faq.heading, 'Can I cancel a withdrawal?');
});

test('a page titled with exactly what was asked comes first, also by a synonym', needsFixture, async () => {
  const s = engine();
  // Without the title rule the FAQ, which says 提币 more often, ranked first.
  assert.equal(paths(await s.search('提币', { lang: 'zh-CN', limit: 5 }))[0], '/zh-CN/deposits-withdrawals/crypto/withdraw-crypto/');
  // "Why hasn't my deposit arrived?": "arrived" answers "credited"; "why", "my" are question words.
  assert.equal(paths(await s.search('deposit not credited', { lang: 'en', limit: 5 }))[0], '/en/deposits-withdrawals/crypto/deposit-not-credited/');
  // A title covering only part of the query gets nothing: 额度 (limit) is not in "提币".
  assert.notEqual(paths(await s.search('提现额度', { lang: 'zh-CN', limit: 5 }))[0], '/zh-CN/deposits-withdrawals/crypto/withdraw-crypto/');
});

test('typing mistakes are corrected: one edit from 4 letters, two from 8', needsFixture, async () => {
  assert.ok(paths(await engine().search('verifcation rejected', { lang: 'en', limit: 5 }))
    .includes('/en/account/verification-rejected/'));
  assert.ok(paths(await engine().search('withdrawl fee', { lang: 'en', limit: 5 })).includes('/en/fees-limits/withdrawal-fees/'));
  // Three letters allow no edit: "fea" is not "fee".
  assert.deepEqual(await engine().search('fea ', { lang: 'en', limit: 5 }), []);
});

test('the last word is completed as it is typed', needsFixture, async () => {
  const results = paths(await engine().search('anti-phish', { lang: 'en', limit: 5 }));
  assert.equal(results[0], '/en/security/anti-phishing-code/');
  const zh = paths(await engine().search('防钓', { lang: 'zh-CN', limit: 5 }));
  assert.equal(zh[0], '/zh-CN/security/anti-phishing-code/');
});

test('stemming finds other forms of a word', needsFixture, async () => {
  const a = paths(await engine().search('withdrawals', { lang: 'en', limit: 10 }));
  const b = paths(await engine().search('withdrawing', { lang: 'en', limit: 10 }));
  assert.deepEqual(a, b);
  assert.ok(a.includes('/en/deposits-withdrawals/crypto/withdraw-crypto/'));
});

test('synonyms from synonyms/<locale>.txt find pages using another word', needsFixture, async () => {
  // zh-CN.txt: 提币, 提现, 取款, 转出, 出金 — no page says 出金.
  const zh = paths(await engine().search('出金手续费', { lang: 'zh-CN', limit: 5 }));
  assert.ok(zh.includes('/zh-CN/fees-limits/withdrawal-fees/'), zh.join(' '));
  // en.txt: kyc, identity verification, ...
  const en = paths(await engine().search('kyc', { lang: 'en', limit: 5 }));
  assert.equal(en[0], '/en/account/verify-identity/');
});

test('Chinese is matched as the build cut it: the issue example finds the withdrawal articles', needsFixture, async () => {
  const zh = paths(await engine().search('提币一直没到账', { lang: 'zh-CN', limit: 5 }));
  assert.ok(zh.some((p) => p.startsWith('/zh-CN/deposits-withdrawals/crypto/withdraw')), zh.join(' '));
});

test('question words around the subject do not decide the ranking: 提币审核要多久 finds the review times', needsFixture, async () => {
  // 要多久 is a question (optional), and so is 要多, the bigram joining 要 to 多久; 多久 and 时长 are synonyms
  // (synonyms/zh-CN.txt), so the heading 审核时长 answers it.
  const zh = paths(await engine().search('提币审核要多久', { lang: 'zh-CN', limit: 5 }));
  assert.equal(zh[0], '/zh-CN/deposits-withdrawals/crypto/withdrawal-pending/', zh.join(' '));
});

test('a bigram crossing from one known word into the next does not decide the ranking', needsFixture, async () => {
  // 实名认证失败 is 实名认证 + 失败 (both in synonyms/zh-CN.txt); "证失" is not a word, though a page about card
  // payments happens to hold it ("身份认证失败").
  const zh = paths(await engine().search('实名认证失败', { lang: 'zh-CN', limit: 5 }));
  assert.equal(zh[0], '/zh-CN/account/verification-rejected/', zh.join(' '));
});

test('Chinese that no page has as written still gets answers, from the words it starts', needsFixture, async () => {
  // "u 提不出来" (can't get my USDT out): no page has 提不, 不出 or 出来; 提 starts 提币 and 提现.
  const results = await engine().search('提不出来', { lang: 'zh-CN', limit: 5 });
  assert.ok(results.length > 0);
  assert.ok(results.some((r) => /<mark>提(币|现)<\/mark>/.test(r.excerpt + r.titleHtml)), results.map((r) => r.excerpt).join('\n'));
});

test('a long question finds the article about it, not the FAQ page that touches each of its words', needsFixture, async () => {
  // security/faq answers lost phones, logins and accounts in a few lines each (and links on); the article is
  // security/lost-2fa-device. FAQ pages are indexed with a lower weight, as section pages are.
  const en = paths(await engine().search('cant get into my account lost my phone', { lang: 'en', limit: 5 }));
  assert.equal(en[0], '/en/security/lost-2fa-device/', en.join(' '));
  const zh = paths(await engine().search('忘记密码进不去了', { lang: 'zh-CN', limit: 5 }));
  assert.equal(zh[0], '/zh-CN/account/reset-password/', zh.join(' '));
  // The FAQ page is still found for what only it answers.
  const faq = paths(await engine().search('why did I receive less than I sent', { lang: 'en', limit: 5 }));
  assert.equal(faq[0], '/en/deposits-withdrawals/faq/', faq.join(' '));
});

test('a host that ignores Range gets chunk files: same results, no more ranges, a fraction of the bytes', needsFixture, async () => {
  hostRanges.clear();
  const withRanges = engine();
  const queries = ['account frozen', 'withdrawl pending', 'cash out fee', 'two-factor'];
  const expected = [];
  for (const q of queries) expected.push(paths(await withRanges.search(q, { lang: 'en', limit: 5 })));
  hostRanges.clear();
  const without = engine({ ranges: false });
  for (const [i, q] of queries.entries()) assert.deepEqual(paths(await without.search(q, { lang: 'en', limit: 5 })), expected[i], q);
  // meta.json, then the probe: one byte of the first dictionary file asked for, the whole (small) file received.
  assert.match(without.log[1].path, /\/dict\/0\.bin$/);
  assert.equal(without.log[1].range, 'bytes=0-0');
  assert.deepEqual(without.log.slice(2).filter((x) => x.range), []);
  assert.deepEqual(without.log.filter((x) => /\/(dict|post|docs)\.bin$/.test(x.path)), [], 'no packed file is read whole');
  const packed = without.log.filter((x) => x.path.endsWith('.bin'));
  assert.equal(new Set(packed.map((x) => x.path)).size, packed.length, 'each chunk file is fetched once');
  assert.equal(hostRanges.get('http://help.test'), false);
});

test('what a host does with Range is found once and remembered for the session', needsFixture, async () => {
  const stored = new Map();
  globalThis.sessionStorage = { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => stored.set(k, String(v)) };
  try {
    hostRanges.clear();
    const first = engine({ ranges: false });
    await first.search('deposit', { lang: 'en', limit: 3 });
    assert.equal(first.log.filter((x) => x.range).length, 1);
    assert.deepEqual([...stored.values()], ['0']);
    // A new page of the same site (memory gone, session storage kept): no probe, straight to chunk files.
    hostRanges.clear();
    const next = engine({ ranges: false });
    await next.search('deposit', { lang: 'zh-CN', limit: 3 });
    assert.deepEqual(next.log.filter((x) => x.range), []);
    // A host that honours Range: one probe, then ranges of the packed files, and no chunk file beyond the probe's.
    hostRanges.clear();
    stored.clear();
    const ranged = engine();
    await ranged.search('deposit', { lang: 'en', limit: 3 });
    assert.deepEqual([...stored.values()], ['1']);
    assert.deepEqual(ranged.log.filter((x) => /\/(dict|post|docs)\/\d+\.bin$/.test(x.path)).map((x) => x.range), ['bytes=0-0']);
    assert.ok(ranged.log.slice(2).every((x) => x.range), 'every index read after the probe is a range');
  } finally {
    delete globalThis.sessionStorage;
    hostRanges.clear();
  }
});

test('a host remembered as honouring Range that sends a whole file moves the other reads to chunk files', needsFixture, async () => {
  hostRanges.clear();
  hostRanges.set('http://help.test', true);
  const s = engine({ ranges: false });
  const results = await s.search('account frozen', { lang: 'en', limit: 5 });
  assert.ok(results.length > 0);
  assert.equal(hostRanges.get('http://help.test'), false);
  hostRanges.clear();
  const expected = paths(await engine().search('account frozen', { lang: 'en', limit: 5 }));
  assert.deepEqual(paths(results), expected);
  const whole = s.log.filter((x) => /\/(dict|post|docs)\.bin$/.test(x.path));
  // The reads sent together with the first (the page directory and the dictionary) come back whole; no later one.
  assert.ok(whole.length <= 2 && !whole.some((x) => x.path.endsWith('post.bin')), s.log.map((x) => x.path).join(' '));
  assert.ok(s.log.some((x) => /\/post\/\d+\.bin$/.test(x.path)), 'postings read from chunk files');
  hostRanges.clear();
});

test('a locale with nothing indexed answers with no results', async () => {
  const meta = { format: 2, locale: 'xx', version: 'v', analyzer: 'standard', stop: [], docs: 0, k1: 1.2, base: '/xx/',
    typos: true, docsDirectory: 2, dictKeys: [], dictSizes: [], synonyms: [] };
  const requests = [];
  const s = createSearch({ indexUrl: () => 'http://help.test/meta.json', fetch: async (url) => {
    requests.push(url);
    return new Response(JSON.stringify(meta));
  } });
  assert.deepEqual(await s.search('anything at all', { lang: 'xx' }), []);
  assert.equal(requests.length, 1);
});

test('the rest of a frequent word\'s postings is fetched without its head again', async () => {
  // One term in four pages: the head holds pages 3 and 7 (high impacts), the tail pages 1 and 5.
  // A posting is varint(page delta × 4 | in title × 2 | has part), impact byte, [part].
  const post = new Uint8Array([16, 200, 16, 150, 8, 10, 16, 20]);
  const meta = { format: 2, locale: 'xx', version: 'v', analyzer: 'standard', stop: [], docs: 8, k1: 1.2, base: '/xx/',
    typos: true, docsDirectory: 2, dictKeys: [], dictSizes: [], synonyms: [] };
  const ranges = [];
  const index = new Index('http://help.test/meta.json', async (url, init = {}) => {
    if (url.endsWith('meta.json')) return new Response(JSON.stringify(meta));
    const [, a, b] = /bytes=(\d+)-(\d+)/.exec(init.headers.Range);
    ranges.push(`${a}-${b}`);
    return new Response(post.subarray(Number(a), Number(b) + 1), { status: 206 });
  });
  await index.open();
  const entry = { term: 'word', df: 4, n: 2, offset: 0, head: 4, tail: 4 };
  const head = await index.postings(entry);
  assert.deepEqual([head.docs, head.impacts, head.complete], [[3, 7], [200, 150], false]);
  const all = await index.postings(entry, true);
  assert.deepEqual([all.docs, all.impacts, all.complete], [[3, 7, 1, 5], [200, 150, 10, 20], true]);
  assert.deepEqual(ranges, ['0-3', '4-7']);
});

test('an index of another format is refused, not misread', needsFixture, async () => {
  const index = new Index('http://help.test/meta.json', async () => new Response(JSON.stringify({ format: 99 })));
  await assert.rejects(index.open(), /format 99/);
});

test('a page open across a publish reads the new index instead of failing', needsFixture, async () => {
  // The first meta.json names a version whose files are gone (404), as after the site was built again.
  let metas = 0;
  const real = host();
  const fetchImpl = async (url, init) => {
    if (url.endsWith('/meta.json') && metas++ === 0) {
      const meta = JSON.parse(readFileSync(join(SITE, new URL(url).pathname), 'utf8'));
      return new Response(JSON.stringify({ ...meta, version: 'gone0000' }), { status: 200 });
    }
    return real.fetchImpl(url, init);
  };
  const s = createSearch({ indexUrl: (l) => `http://help.test/_pharos/search/${l}/meta.json`, fetch: fetchImpl });
  const results = await s.search('withdrawal pending', { lang: 'en', limit: 3 });
  assert.equal(metas, 2);
  assert.match(results[0].url, /withdrawal-pending/);
});

test('index bytes that end early or run on throw instead of freezing the page', { timeout: 5000 }, () => {
  // A varint whose last byte says "more to come": reading past the end used to loop for ever.
  assert.throws(() => new Reader(new Uint8Array([0x80, 0x80])).varint(), /ends early or is damaged/);
  assert.throws(() => new Reader(new Uint8Array([])).varint(), /ends early or is damaged/);
  assert.throws(() => new Reader(new Uint8Array(12).fill(0xff)).varint(), /ends early or is damaged/);
  // A string longer than what is left.
  assert.throws(() => new Reader(new Uint8Array([5, 0x61, 0x62])).string(), /ends early or is damaged/);
  // Whole values still read.
  const r = new Reader(new Uint8Array([0xac, 0x02, 2, 0x68, 0x69]));
  assert.equal(r.varint(), 300);
  assert.equal(r.string(), 'hi');
});
