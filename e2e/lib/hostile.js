// A hostile copy of the sample help center: the XSS filter-evasion vectors of fixtures/xss-vectors.json placed in
// every place a writer, translator or site owner can put text (article bodies, front matter, section titles,
// announcement banners, synonyms, pharos.yml strings, support labels, channel and emergency links, the ticket URL
// template), built with the real jar. Each vector, if it ever ran, would set window.__xss or open a dialog.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './site.js';

export const VECTORS = JSON.parse(readFileSync(join(REPO, 'e2e', 'fixtures', 'xss-vectors.json'), 'utf8'));

/** Every vector in one string, for the places that hold one text (a site title, a label). */
export const ALL = VECTORS.join(' ');

/**
 * Links with a scheme that runs script: the build must refuse each of them, with pharos.yml's line, wherever a
 * link is configured (edit link, channel, emergency action, official handle, ticket URL template).
 */
export const REFUSED_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:window.__xss=1',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
];

/** Links that look hostile but are paths once escaped: built, and checked in the browser. */
export const INERT_URLS = [
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '" onmouseover="alert(1)',
  'https://ok.example/"><script>alert(1)</script>',
];

/** Ticket URL templates that must never become a link: the build refuses them with the file and line. */
export const REFUSED_TEMPLATES = REFUSED_URLS.map((u) => `${u}//{subject}`);

/** The trusted variant's control page, at /<locale>/xss-control/. */
export const CONTROL = 'xss-control';

export const JAR = join(REPO, 'generator', 'target', 'pharos.jar');

const yaml = (value) => JSON.stringify(value); // JSON is YAML 1.2: every vector stays one quoted scalar
const pad = (i) => String(i).padStart(3, '0');

/** The places, named as the report counts them: [place, how many vectors it holds]. */
export function places({ trustedHtml }) {
  const n = VECTORS.length;
  const list = [
    ['front matter title', n], ['front matter description', n], ['front matter tags', n],
    ['section title (_index.md)', n], ['section description (_index.md)', n],
    ['announcement banner title', n], ['announcement description', n],
    ['synonyms file', n], ['site title', n], ['site description', n], ['locale label', n],
    ['support detail labels and hints', n], ['support category labels and descriptions', n],
    ['support channel names, hours, notes', n], ['emergency title, text, link text, triggers', n],
    ['ticket URL template values ({category})', n], ['official-channel names and handles', n],
    ['channel, emergency, handle and edit URLs (built)', INERT_URLS.length * 4],
    ['body text in code (search excerpts, ticket assistant suggestions)', n],
  ];
  if (!trustedHtml) list.push(['article body (raw HTML and Markdown)', n], ['section body', n]);
  return list;
}

export function pharosYml({ trustedHtml, urls = {} }) {
  const text = (v) => ({ en: v, 'zh-CN': v });
  const cats = ['account', 'deposits', 'withdrawals', 'trading', 'p2p', 'security', 'api', 'fees', 'general', 'xss'];
  const channelUrls = (urls.channel ? [urls.channel] : INERT_URLS).map((url, i) => ({
    id: `evil-${i}`, type: 'chat', name: text(`${ALL} channel ${i}`), url: text(url), hours: text(ALL),
    response: text(ALL), responseTime: `${i + 1}m`, note: text(ALL),
  }));
  const config = {
    title: text(ALL),
    description: text(ALL),
    baseUrl: '/',
    defaultLocale: 'en',
    locales: [{ code: 'en', label: `English ${ALL}` }, { code: 'zh-CN', label: `简体中文 ${ALL}` }],
    fallback: 'notice',
    editUrl: urls.edit ?? `${INERT_URLS[0]}{path}`,
    markdown: { trustedHtml },
    support: {
      provider: 'url',
      url: { template: urls.template ?? 'https://desk.example/new?s={subject}&d={description}&c={category}&l={locale}&u={url}&t={title}' },
      defaultCategory: 'general',
      details: [
        { id: 'uid', label: text(ALL), hint: text(ALL) },
        { id: 'shot', label: text(`Screenshot ${ALL}`), attach: true },
      ],
      categories: cats.map((id) => ({
        id, label: text(`${id} ${ALL}`), description: text(ALL), details: ['uid', 'shot'], url: { value: ALL },
      })),
      channels: [
        { id: 'ticket', type: 'ticket', name: text(`Ticket ${ALL}`), hours: text(ALL), response: text(ALL), responseTime: '24h' },
        { id: 'phone', type: 'phone', name: text(`Phone ${ALL}`), phone: '+1 555 0100" onmouseover="alert(1)', hours: text(ALL), response: text(ALL), responseTime: '30m' },
        ...channelUrls,
      ],
      emergency: {
        title: text(ALL), text: text(ALL), url: text(urls.emergency ?? INERT_URLS[3]), linkText: text(ALL),
        article: 'security/account-compromised',
        triggers: { en: ['hacked', ...VECTORS], 'zh-CN': ['被盗', ...VECTORS] },
      },
      official: {
        names: ['Tidewell', ALL],
        domains: ['tidewell.example'],
        emails: ['@tidewell.example'],
        handles: (urls.handle ? [urls.handle] : INERT_URLS).map((url, i) => ({ platform: `X ${ALL}`, handle: `@evil${i}`, url })),
        phones: ['+1 555 0100'],
      },
      feedback: { enabled: true },
    },
  };
  return `# A hostile copy of the sample (e2e/lib/hostile.js); JSON is YAML.\n${JSON.stringify(config, null, 1)}\n`;
}

function article(i, vector, trustedHtml) {
  // With trusted HTML the writer's own raw HTML runs by design; the vector is then only text in a fenced block.
  const body = trustedHtml
    ? `Hostile page ${pad(i)} xsshostile.\n\n~~~~text\n${vector}\n~~~~\n`
    : `Hostile page ${pad(i)} xsshostile.\n\n${vector}\n\nInline: ${vector} end of line.\n\n~~~~text\n${vector}\n~~~~\n`;
  return `---\ntitle: ${yaml(`xsshostile ${pad(i)} ${vector}`)}\ndescription: ${yaml(vector)}\n`
    + `tags: [${yaml(vector)}, xsshostile]\nticket:\n  category: xss\n---\n${body}`;
}

/**
 * Writes the hostile content root into a new temporary folder and returns it. `urls` ({ edit, channel, emergency,
 * handle, template }) replace the configured links, to check that dangerous ones are refused.
 */
export function writeHostileContent({ trustedHtml = false, urls } = {}) {
  const root = mkdtempSync(join(tmpdir(), `pharos-xss-${trustedHtml ? 'trusted' : 'default'}-`));
  cpSync(join(REPO, 'content'), root, {
    recursive: true,
    filter: (src) => !src.includes(`${join('content', 'target')}`) && !src.endsWith('pom.xml'),
  });
  writeFileSync(join(root, 'pharos.yml'), pharosYml({ trustedHtml, urls }));
  for (const locale of ['en', 'zh-CN']) {
    const syn = join(root, 'synonyms', `${locale}.txt`);
    writeFileSync(syn, readFileSync(syn, 'utf8') + VECTORS.map((v) => `xsshostile, ${v.replace(/\n/g, ' ')}`).join('\n') + '\n');
  }
  // Ten sections, each titled with a tenth of the vectors, holding one page per vector.
  const groups = 10;
  for (let g = 0; g < groups; g++) {
    const dir = join(root, 'en', 'xss', `group-${g}`);
    mkdirSync(dir, { recursive: true });
    const mine = VECTORS.filter((_, i) => i % groups === g);
    const sectionBody = trustedHtml ? 'Section of hostile pages.' : mine.join('\n\n');
    writeFileSync(join(dir, '_index.md'), `---\ntitle: ${yaml(`Group ${g} ${mine.join(' ')}`)}\n`
      + `description: ${yaml(mine.join(' '))}\n---\n${sectionBody}\n`);
  }
  writeFileSync(join(root, 'en', 'xss', '_index.md'), `---\ntitle: ${yaml(`Hostile ${ALL}`)}\n`
    + `description: ${yaml(ALL)}\nticket:\n  category: xss\n---\nHostile section.\n`);
  VECTORS.forEach((v, i) => {
    writeFileSync(join(root, 'en', 'xss', `group-${i % groups}`, `vector-${pad(i)}.md`), article(i, v, trustedHtml));
  });
  if (trustedHtml) {
    // The control: raw HTML a trusted writer wrote runs by design, so the test must see it (a test that cannot fail
    // proves nothing). Its pages are checked apart from the others.
    writeFileSync(join(root, 'en', `${CONTROL}.md`), '---\ntitle: Control page\n---\nTrusted raw HTML:\n\n'
      + '<img src="x" onerror="window.__xss=1">\n\n<a href="javascript:window.__xss=1">a script link</a>\n');
  }
  // Announcements with banners on every page: ten, each titled with a tenth of the vectors.
  for (let g = 0; g < groups; g++) {
    const mine = VECTORS.filter((_, i) => i % groups === g);
    writeFileSync(join(root, 'en', 'announcements', `2026-12-0${g % 9 + 1}-xss-${g}.md`),
      `---\ntitle: ${yaml(`Banner ${g} ${mine.join(' ')}`)}\ndescription: ${yaml(mine.join(' '))}\n`
      + `date: 2026-12-01\nbanner: true\nexpires: 2099-12-31T00:00Z\nseverity: critical\n---\n`
      + (trustedHtml ? 'Hostile announcement.\n' : `${mine.join('\n\n')}\n`));
  }
  return root;
}

/** Builds a content root with the real jar: { status, stdout, stderr, site }. */
export function buildSite(root) {
  const site = join(root, 'target', 'site');
  const run = spawnSync('java', ['-jar', JAR, 'build', '--source', root, '--no-cache'], { encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, site };
}

export function removeTree(dir) {
  if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}


