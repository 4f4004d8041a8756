// A fetch over a built site folder that honours Range like a static host, for running the engine under Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function siteFetch(root, log = null) {
  return async (url, init = {}) => {
    const path = decodeURIComponent(new URL(url).pathname);
    let bytes;
    try {
      bytes = readFileSync(join(root, path));
    } catch {
      return new Response('not found', { status: 404 });
    }
    const range = init.headers?.Range;
    if (range) {
      const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range);
      bytes = bytes.subarray(Number(a), Number(b) + 1);
    }
    if (log) log.push({ path, bytes: bytes.length });
    return new Response(bytes, { status: range ? 206 : 200 });
  };
}
