// Starts a real nginx (Debian's) serving a folder on a free loopback port, with the repository's config.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitForPort(port, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not answer on port ${port}`);
}

/** The Content-Security-Policy the default theme needs: nothing from another origin. */
export const DEFAULT_CSP = "default-src 'self'";

/**
 * Serves `root` with nginx. `extra` is inserted into the server block (e.g. a proxy to a test endpoint); `csp` is
 * the Content-Security-Policy header (a site sending search analytics to another origin adds it to connect-src).
 * Returns { url, port, stop() }.
 */
export async function startNginx(root, { extra = '', csp = DEFAULT_CSP } = {}) {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: apt-get install nginx`);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`no built site at ${root}`);
  const prefix = mkdtempSync(join(tmpdir(), 'pharos-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, 'tmp', d), { recursive: true });
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const conf = readFileSync(join(here, '..', 'nginx', 'site.conf'), 'utf8')
    .replaceAll('__PREFIX__', prefix)
    .replaceAll('__PORT__', String(port))
    .replaceAll('__ROOT__', resolve(root))
    .replaceAll('__USER__', isRoot ? 'user root;' : '')
    .replaceAll('__EXTRA__', extra)
    .replaceAll('__CSP__', csp.replaceAll('"', ''));
  const confFile = join(prefix, 'nginx.conf');
  writeFileSync(confFile, conf);
  execFileSync(NGINX, ['-t', '-q', '-p', prefix, '-c', confFile], { stdio: 'pipe' });
  const child = spawn(NGINX, ['-p', prefix, '-c', confFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((r) => child.on('exit', r));
  try {
    await Promise.race([waitForPort(port, 10000), exited.then((code) => { throw new Error(`nginx exited (${code}): ${stderr}`); })]);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
