// Where the built sample site is, and which pages it has: PHAROS_SITE, or content/target/site (built by the
// content module at `package`, or by `java -jar generator/target/pharos.jar build --source content --out content/target/site`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..');

export function siteDir() {
  const dir = resolve(process.env.PHAROS_SITE || resolve(REPO, 'content', 'target', 'site'));
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`No built site at ${dir}. Build it first: mvn -B -q -pl generator package -DskipTests && `
      + 'java -jar generator/target/pharos.jar build --source content --out content/target/site (or set PHAROS_SITE).');
  }
  return dir;
}

/**
 * Every template kind the theme can render, in the order tests report them. "faq" is an article page in FAQ form.
 * Pages owned by later features (search results, contact, verify) are covered as soon as the site has them.
 */
export const KINDS = ['home', 'section', 'article', 'faq', 'search', 'contact', 'verify', 'notfound'];

function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (name === '_pharos') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** The URL path nginx serves a file at: en/account/index.html → /en/account/, en/404.html → /en/404.html. */
export function urlPath(dir, file) {
  const rel = relative(dir, file).split(sep).join('/');
  return '/' + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
}

/**
 * The pages of a built site by kind and locale: Map(kind → Map(locale → [{ path, bytes }])), each list sorted by
 * path. The kind comes from the body class the theme writes (kind-*), the locale from <html lang>.
 */
export function pagesByKind(dir = siteDir()) {
  const byKind = new Map();
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    const kindMatch = /<body[^>]*class="[^"]*\bkind-([a-z]+)/.exec(html);
    const langMatch = /<html[^>]*\blang="([^"]+)"/.exec(html);
    if (!kindMatch || !langMatch) continue; // redirects, feeds
    let kind = kindMatch[1];
    if (kind === 'article' && html.includes('class="faq-item"')) kind = 'faq';
    if (!byKind.has(kind)) byKind.set(kind, new Map());
    const byLocale = byKind.get(kind);
    if (!byLocale.has(langMatch[1])) byLocale.set(langMatch[1], []);
    byLocale.get(langMatch[1]).push({ path: urlPath(dir, file), bytes: Buffer.byteLength(html) });
  }
  return byKind;
}

/** The locales of the site, from its home pages. */
export function locales(pages = pagesByKind()) {
  return [...(pages.get('home')?.keys() ?? [])].sort();
}

/**
 * One representative page per kind and locale: the largest (the most tables, lists and notes to check) for
 * articles, sections and FAQs; the first otherwise. Returns [{ kind, locale, path }] and logs kinds the site lacks.
 */
export function representativePages(pages = pagesByKind(), log = console.log) {
  const out = [];
  for (const kind of KINDS) {
    const byLocale = pages.get(kind);
    if (!byLocale) {
      log(`# the site has no "${kind}" page; skipped`);
      continue;
    }
    for (const locale of [...byLocale.keys()].sort()) {
      const list = byLocale.get(locale);
      const pick = ['article', 'section', 'faq'].includes(kind)
        ? [...list].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))[0]
        : list[0];
      out.push({ kind, locale, path: pick.path });
    }
  }
  return out;
}
