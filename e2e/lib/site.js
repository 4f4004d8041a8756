// Where the built sample site is: PHAROS_SITE, or content/target/site (built by `mvn install`).
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function siteDir() {
  const dir = resolve(process.env.PHAROS_SITE || resolve(here, '..', '..', 'content', 'target', 'site'));
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`No built site at ${dir}. Build it first: mvn -B install -DskipTests (or set PHAROS_SITE).`);
  }
  return dir;
}
