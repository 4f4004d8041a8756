// Builds the benchmark sites: the sample help center, the cloudwego corpus (with a writer's synonyms file) and a
// 10× copy of it, each with Pharos (timed with and without search), then runs Pagefind over a copy of the same
// HTML (timed). Output under bench/search/work/ (git-ignored); run.js measures them in Chromium.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const work = join(here, 'work');
const jar = join(repo, 'generator', 'target', 'pharos.jar');
const corpus = resolve(process.env.PHAROS_CORPUS || join(repo, '..', 'shared', 'corpus'));
const pagefind = join(here, 'node_modules', '.bin', 'pagefind');
const REPEAT = Number(process.env.REPEAT || 3);

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function build(source, out, report) {
  rmSync(out, { recursive: true, force: true });
  execFileSync('java', ['-jar', jar, 'build', '--source', source, '--out', out, '--report', report], { stdio: 'pipe' });
  return JSON.parse(readFileSync(report, 'utf8')).timings;
}

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** A content root for one benchmark site, with pharos.yml switching search on or off. */
function source(name, from, { copies = 1, synonyms = null } = {}) {
  const root = join(work, 'src', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of readdirSync(from)) {
    const path = join(from, entry);
    if (!statSync(path).isDirectory() || ['target', 'synonyms'].includes(entry)) continue;
    if (copies === 1) cpSync(path, join(root, entry), { recursive: true });
    // The 10× site: the whole tree again under copy0/ ... copy9/ of each locale folder.
    else for (let i = 0; i < copies; i++) cpSync(path, join(root, entry, `copy${i}`), { recursive: true });
  }
  if (existsSync(join(from, 'synonyms'))) cpSync(join(from, 'synonyms'), join(root, 'synonyms'), { recursive: true });
  if (synonyms) cpSync(synonyms, join(root, 'synonyms'), { recursive: true });
  const config = existsSync(join(from, 'pharos.yml')) ? readFileSync(join(from, 'pharos.yml'), 'utf8') : '';
  return { root, config };
}

function withSearch(src, enabled) {
  const base = src.config.replace(/^search:[\s\S]*?(?=^\S|(?![\s\S]))/m, '');
  writeFileSync(join(src.root, 'pharos.yml'), `${base}\nsearch:\n  enabled: ${enabled}\n`);
}

function prepare(name, from, options) {
  console.log(`== ${name}`);
  const src = source(name, from, options);
  const site = join(work, 'sites', name);
  const reports = join(work, 'reports');
  mkdirSync(reports, { recursive: true });
  // Builds alternate with and without search, the fastest of each kept: other load on the machine only slows.
  let plain = null;
  let pharos = null;
  for (let i = 0; i < (options.repeat ?? REPEAT); i++) {
    withSearch(src, false);
    const a = build(src.root, `${site}-nosearch`, join(reports, `${name}-nosearch.json`));
    withSearch(src, true);
    const b = build(src.root, site, join(reports, `${name}.json`));
    if (!plain || a.total < plain.total) plain = a;
    if (!pharos || b.total < pharos.total) pharos = b;
  }
  rmSync(`${site}-nosearch`, { recursive: true, force: true });
  const index = files(join(site, '_pharos', 'search'));
  const pharosBytes = index.reduce((s, f) => s + statSync(f).size, 0);

  // Pagefind over the same HTML; generated pages that are not content (search, 404, language chooser) removed.
  const pf = join(work, 'pagefind', name);
  rmSync(pf, { recursive: true, force: true });
  cpSync(site, pf, { recursive: true });
  rmSync(join(pf, '_pharos', 'search'), { recursive: true, force: true });
  for (const f of files(pf)) {
    if (f === join(pf, 'index.html') || /\/search\/index\.html$/.test(f) || /404\.html$/.test(f)) rmSync(f);
  }
  const pagefindMs = time(() => execFileSync(pagefind, ['--site', pf, '--root-selector', 'main', '--quiet'], { stdio: 'pipe' }));
  cpSync(join(site, 'index.html'), join(pf, 'index.html')); // served (nginx wants a root page), not indexed
  const pfFiles = files(join(pf, 'pagefind')).filter((f) => !/pagefind-(component-|modular-)?ui|pagefind-highlight/.test(f));
  const pfBytes = pfFiles.reduce((s, f) => s + statSync(f).size, 0);
  const summary = {
    site: name,
    pages: JSON.parse(readFileSync(join(reports, `${name}.json`), 'utf8')).pages.length,
    pharos: {
      buildMs: pharos.total, buildWithoutSearchMs: plain.total, searchStageMs: pharos.search,
      searchShare: +(pharos.search / (pharos.total - pharos.search)).toFixed(3),
      indexFiles: index.length, indexBytes: pharosBytes,
    },
    pagefind: { indexMs: Math.round(pagefindMs), indexFiles: pfFiles.length, indexBytes: pfBytes },
  };
  writeFileSync(join(reports, `${name}-summary.json`), JSON.stringify(summary, null, 1));
  console.log(JSON.stringify(summary));
  return summary;
}

if (!existsSync(jar)) throw new Error(`build Pharos first: mvn -B -q -pl generator package -DskipTests (${jar} is missing)`);
if (!existsSync(pagefind)) throw new Error('install the benchmark tools first: cd bench/search && npm ci');
const only = process.argv.slice(2);
const sites = [
  ['sample', join(repo, 'content'), {}],
  ['cloudwego', join(corpus, 'cloudwego'), { synonyms: join(here, 'synonyms', 'cloudwego') }],
  ['cloudwego10', join(corpus, 'cloudwego'), { copies: 10, synonyms: join(here, 'synonyms', 'cloudwego'), repeat: 1 }],
  ['tldr', join(corpus, 'tldr'), {}],
];
for (const [name, from, options] of sites) {
  if (!only.length || only.includes(name)) prepare(name, from, options);
}
