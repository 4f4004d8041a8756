// The browser's analysis agrees with Lucene's on every line of the corpora. The Lucene side is written by
// generator/src/test/java/dev/pharos/search/AgreementTest.java, which runs this file with PHAROS_AGREEMENT set to
// the JSON-lines files it wrote ({t: text, s: surfaces, e: english terms, c: cjk terms}).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { surfaces, termStep, loadFold } from '../assets/js/search/analyze.js';

const files = (process.env.PHAROS_AGREEMENT || '').split(/[,:]/).filter(Boolean);

const english = termStep({ analyzer: 'english', stop: ['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for',
  'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there',
  'these', 'they', 'this', 'to', 'was', 'will', 'with'] });
const cjk = termStep({ analyzer: 'cjk', stop: ['a', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in',
  'into', 'is', 'it', 'no', 'not', 'of', 'on', 'or', 's', 'such', 't', 'that', 'the', 'their', 'then', 'there',
  'these', 'they', 'this', 'to', 'was', 'will', 'with', 'www'] });

function same(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

test('browser analysis equals Lucene on every line', { skip: files.length ? false : 'run by AgreementTest (mvn -pl generator test)' }, async () => {
  await loadFold();
  for (const file of files) {
    assert.ok(existsSync(file), `${file} is missing`);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const problems = [];
    let words = 0;
    for (const line of lines) {
      const row = JSON.parse(line);
      const s = surfaces(row.t).map((x) => x.surface);
      words += s.length;
      const e = s.map(english).filter((x) => x !== null);
      const c = s.map(cjk).filter((x) => x !== null);
      if (!same(s, row.s)) problems.push({ text: row.t, kind: 'surfaces', browser: s, lucene: row.s });
      else if (!same(e, row.e)) problems.push({ text: row.t, kind: 'english', browser: e, lucene: row.e });
      else if (!same(c, row.c)) problems.push({ text: row.t, kind: 'cjk', browser: c, lucene: row.c });
    }
    const shown = problems.slice(0, 10).map((p) => {
      let i = 0;
      while (i < p.browser.length && p.browser[i] === p.lucene[i]) i++;
      return `${p.kind} of ${JSON.stringify(p.text.slice(0, 160))}\n  browser: ${JSON.stringify(p.browser.slice(i, i + 6))}\n  lucene:  ${JSON.stringify(p.lucene.slice(i, i + 6))}`;
    });
    assert.equal(problems.length, 0, `${file}: ${problems.length} of ${lines.length} lines differ (${words} words checked):\n${shown.join('\n')}`);
    console.log(`${file}: ${lines.length} lines, ${words} words agree`);
  }
});
