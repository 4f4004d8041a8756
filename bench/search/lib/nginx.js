// nginx for the benchmark: the e2e test configuration (pretty URLs, compression, caching, Range), with the CSP
// relaxed by 'wasm-unsafe-eval' so that Pagefind's WebAssembly may run. Both engines are served the same way.
// With {ranges: false} nginx ignores Range (max_ranges 0: a 200 with the whole file), as Python's http.server does.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../e2e/lib/nginx.js';

const here = dirname(fileURLToPath(import.meta.url));
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

export async function serve(root, { ranges = true } = {}) {
  const prefix = mkdtempSync(join(tmpdir(), 'pharos-bench-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, 'tmp', d), { recursive: true });
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const conf = readFileSync(join(here, '..', '..', '..', 'e2e', 'nginx', 'site.conf'), 'utf8')
    .replaceAll("default-src 'self'", "default-src 'self' 'wasm-unsafe-eval'")
    .replaceAll('__PREFIX__', prefix).replaceAll('__PORT__', String(port)).replaceAll('__ROOT__', resolve(root))
    .replaceAll('__USER__', isRoot ? 'user root;' : '').replaceAll('__EXTRA__', ranges ? '' : 'max_ranges 0;');
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, conf);
  execFileSync(NGINX, ['-t', '-q', '-p', prefix, '-c', file], { stdio: 'pipe' });
  const child = spawn(NGINX, ['-p', prefix, '-c', file, '-g', 'daemon off;'], { stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', r));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      await (await fetch(`${url}/`)).arrayBuffer();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    async stop() {
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
