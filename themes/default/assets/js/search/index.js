// Reads a locale's search index (see generator/.../search/IndexFiles.java for the layout): meta.json, then small
// pieces of dict.bin, post.bin and docs.bin fetched with HTTP range requests and inflated with
// DecompressionStream('deflate-raw'). A host that ignores Range would send whole files: on such a host the same
// data is read from small chunk files instead (ChunkFiles.java). Which kind of host it is, is found once per origin
// and session by a one-byte range request for a chunk file, useful either way.
// No DOM access: runs in the browser and under Node (tests pass their own fetch).

const FORMAT = 2;
// Reads closer than this are fetched as one request.
const COALESCE_GAP = 384;

export async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const utf8 = new TextDecoder();

/**
 * A cursor over bytes: LEB128 varints and length-prefixed UTF-8. Bytes that end early (a cut or mismatched response)
 * throw: reading on past the end would loop for ever, since every missing byte reads as "more to come".
 */
export class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.i = 0;
  }

  varint() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const x = this.b[this.i++];
      if (x === undefined || shift > 49) throw new Error('search index data ends early or is damaged');
      result += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) return result;
      shift += 7;
    }
  }

  string() {
    const n = this.varint();
    if (this.i + n > this.b.length) throw new Error('search index data ends early or is damaged');
    const s = utf8.decode(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return s;
  }
}

/** One file read in ranges; reads requested together are merged into few requests. */
class RangeFile {
  constructor(url, fetchImpl, stats, onIgnored = () => {}) {
    this.url = url;
    this.fetch = fetchImpl;
    this.stats = stats;
    this.onIgnored = onIgnored;
    this.pending = [];
    this.whole = null;
  }

  read(start, end) {
    if (end <= start) return Promise.resolve(new Uint8Array(0));
    if (this.whole) return Promise.resolve(this.whole.subarray(start, end));
    return new Promise((resolve, reject) => {
      this.pending.push({ start, end, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => this.flush());
    });
  }

  async flush() {
    const reads = this.pending.sort((a, b) => a.start - b.start);
    this.pending = [];
    const groups = [];
    for (const r of reads) {
      const g = groups[groups.length - 1];
      if (g && r.start - g.end <= COALESCE_GAP) {
        g.end = Math.max(g.end, r.end);
        g.reads.push(r);
      } else {
        groups.push({ start: r.start, end: r.end, reads: [r] });
      }
    }
    await Promise.all(groups.map(async (g) => {
      try {
        const bytes = await this.fetchRange(g.start, g.end);
        for (const r of g.reads) r.resolve(bytes.subarray(r.start - g.start, r.end - g.start));
      } catch (e) {
        for (const r of g.reads) r.reject(e);
      }
    }));
  }

  async fetchRange(start, end) {
    if (this.whole) return this.whole.subarray(start, end);
    const res = await this.fetch(this.url, { headers: { Range: `bytes=${start}-${end - 1}` } });
    if (this.stats) this.stats.requests++;
    if (servesRange(res)) return new Uint8Array(await res.arrayBuffer());
    if (res.status === 200) {
      // The host stopped honouring Range (or an index without chunk files): later queries read chunk files; this
      // one keeps the whole file for every later read.
      rememberHost(this.url, false);
      this.onIgnored();
      this.whole = new Uint8Array(await res.arrayBuffer());
      return this.whole.subarray(start, end);
    }
    throw httpError(this.url, res.status);
  }
}

function httpError(url, status) {
  const error = new Error(`${url}: HTTP ${status}`);
  // The site was published again since meta.json was read, and this version's files are gone.
  error.stale = status === 404 || status === 410 || status === 416;
  return error;
}

/** A 206 is what was asked for; a 200 to a range request is the whole file. */
const servesRange = (res) => res.status === 206;

/** What each origin did with Range in this session: true (honoured), false (whole files). Tests clear it. */
export const hostRanges = new Map();
const STORAGE = 'pharos-search-ranges:';

function sessionStore() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage denied (privacy settings): remembered in memory only
  }
}

function knownHost(url) {
  const origin = new URL(url).origin;
  if (!hostRanges.has(origin)) {
    let stored = null;
    try {
      stored = sessionStore()?.getItem(STORAGE + origin);
    } catch {
      // denied: probe again
    }
    if (stored === '1' || stored === '0') hostRanges.set(origin, stored === '1');
  }
  return hostRanges.get(origin);
}

function rememberHost(url, ranges) {
  const origin = new URL(url).origin;
  hostRanges.set(origin, ranges);
  try {
    sessionStore()?.setItem(STORAGE + origin, ranges ? '1' : '0');
  } catch {
    // full or denied: the in-memory answer lasts for this page
  }
}

/** Index of the group holding item n, given the number of items in each group (prefix sums in `starts`). */
function groupOf(starts, n) {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= n) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const prefixSums = (counts) => counts.reduce((out, c) => (out.push(out[out.length - 1] + c), out), [0]);

/**
 * The index's chunk files (meta.chunks): dictionary chunks and page records by number, postings by their offset in
 * post.bin. Each file is fetched whole, once.
 */
class ChunkFiles {
  constructor(urlOf, manifest, fetchImpl, stats) {
    this.urlOf = urlOf; // (kind, i) => URL
    this.fetch = fetchImpl;
    this.stats = stats;
    this.starts = { dict: prefixSums(manifest.dict), post: prefixSums(manifest.post), docs: prefixSums(manifest.docs) };
    this.files = new Map();
  }

  /** File i of a kind, inflated; `response` is one already fetched (the probe's). */
  file(kind, i, response) {
    const key = `${kind}/${i}`;
    let f = this.files.get(key);
    if (!f) {
      const url = this.urlOf(kind, i);
      f = (async () => {
        const res = response ?? await this.fetch(url);
        if (!response && this.stats) this.stats.requests++;
        if (!res.ok) throw httpError(url, res.status);
        return inflate(new Uint8Array(await res.arrayBuffer()));
      })();
      this.files.set(key, f);
      f.catch(() => this.files.delete(key));
    }
    return f;
  }

  /** Unit n (a dictionary chunk or a page record) of a kind whose files hold length-prefixed units. */
  async unit(kind, n) {
    const i = groupOf(this.starts[kind], n);
    const r = new Reader(await this.file(kind, i));
    for (let k = this.starts[kind][i]; k < n; k++) {
      const skip = r.varint();
      r.i += skip;
    }
    const size = r.varint();
    return r.b.subarray(r.i, r.i + size);
  }

  /** Bytes [start, end) of post.bin. */
  async post(start, end) {
    if (end <= start) return new Uint8Array(0);
    const starts = this.starts.post;
    const first = groupOf(starts, start);
    const last = groupOf(starts, end - 1);
    const files = [];
    for (let i = first; i <= last; i++) files.push(this.file('post', i));
    const parts = await Promise.all(files);
    if (parts.length === 1) return parts[0].subarray(start - starts[first], end - starts[first]);
    const out = new Uint8Array(end - start);
    parts.forEach((bytes, k) => {
      const at = starts[first + k];
      const from = Math.max(start, at);
      const to = Math.min(end, at + bytes.length);
      out.set(bytes.subarray(from - at, to - at), from - start);
    });
    return out;
  }
}

/** A dictionary entry: a term, its document frequency and where its postings are. */
class Entry {
  constructor(term, df, n, offset, head, tail) {
    this.term = term;
    this.df = df;
    this.n = n; // postings in the head
    this.offset = offset;
    this.head = head;
    this.tail = tail;
  }
}

/** Decoded postings: parallel arrays in page order. */
export class Postings {
  constructor(docs, impacts, parts, titles, complete) {
    this.docs = docs;
    this.impacts = impacts;
    this.parts = parts;
    this.titles = titles; // the term is in the page title
    this.complete = complete;
  }
}

function decodePostings(bytes, count, into) {
  const r = new Reader(bytes);
  let doc = -1;
  for (let i = 0; i < count; i++) {
    const v = r.varint();
    doc += Math.floor(v / 4);
    const impact = r.b[r.i++];
    const part = v & 1 ? r.varint() : 0;
    into.docs.push(doc);
    into.impacts.push(impact);
    into.parts.push(part);
    into.titles.push((v & 2) !== 0);
  }
}

/** The cache key of a term's postings: its head only, or all of them. */
const postingsKey = (term, complete) => `${term}\u0000${complete ? 1 : 0}`;

export class Index {
  /**
   * @param metaUrl the locale's meta.json
   * @param fetchImpl fetch (tests pass one that reads files)
   */
  constructor(metaUrl, fetchImpl = globalThis.fetch.bind(globalThis)) {
    this.metaUrl = metaUrl;
    this.fetch = fetchImpl;
    this.stats = { requests: 0 };
    this.chunks = new Map();
    this.postingsCache = new Map();
    this.docCache = new Map();
    this.ready = null;
  }

  open() {
    if (!this.ready) {
      this.ready = (async () => {
        // The entry point changes with every build under the same name: always revalidate it.
        const res = await this.fetch(this.metaUrl, { cache: 'no-cache' });
        this.stats.requests++;
        if (!res.ok) throw new Error(`${this.metaUrl}: HTTP ${res.status}`);
        const meta = await res.json();
        if (meta.format !== FORMAT) throw new Error(`${this.metaUrl}: index format ${meta.format}, expected ${FORMAT}`);
        this.meta = meta;
        const here = new URL(this.metaUrl, globalThis.location?.href ?? 'http://localhost/');
        const file = (name) => new URL(`${meta.version}/${name}`, here).href;
        this.chunked = null;
        const chunks = meta.chunks && meta.chunks.dict.length
          ? new ChunkFiles((kind, i) => file(`${kind}/${i}.bin`), meta.chunks, this.fetch, this.stats)
          : null;
        // A host remembered as honouring Range that sends a whole file after all: the other reads go to chunks.
        const ignored = () => { if (chunks) this.chunked = chunks; };
        this.dict = new RangeFile(file('dict.bin'), this.fetch, this.stats, ignored);
        this.post = new RangeFile(file('post.bin'), this.fetch, this.stats, ignored);
        this.docs = new RangeFile(file('docs.bin'), this.fetch, this.stats, ignored);
        if (chunks) {
          let ranges = knownHost(chunks.urlOf('dict', 0));
          if (ranges === undefined) {
            // One byte of the first dictionary file: a 206 says ranges work; a 200 is that file whole (a few KB)
            // and the answer that this host ignores Range.
            const url = chunks.urlOf('dict', 0);
            const res = await this.fetch(url, { headers: { Range: 'bytes=0-0' } });
            this.stats.requests++;
            if (!res.ok) throw httpError(url, res.status);
            ranges = servesRange(res);
            if (ranges) await res.arrayBuffer();
            else chunks.file('dict', 0, res).catch(() => {});
            rememberHost(url, ranges);
          }
          if (!ranges) this.chunked = chunks;
        }
        this.chunkStarts = [];
        let at = 0;
        for (const size of meta.dictSizes) {
          this.chunkStarts.push(at);
          at += size;
        }
        this.chunkStarts.push(at);
        return this;
      })();
      this.ready.catch(() => { this.ready = null; });
    }
    return this.ready;
  }

  /** The number of the dictionary chunk that would hold a key. */
  chunkOf(key) {
    const keys = this.meta.dictKeys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  chunk(n) {
    let c = this.chunks.get(n);
    if (!c) {
      const bytes = this.chunked
        ? this.chunked.unit('dict', n)
        : this.dict.read(this.chunkStarts[n], this.chunkStarts[n + 1]).then(inflate);
      c = bytes.then((bytes) => {
        const r = new Reader(bytes);
        const count = r.varint();
        let offset = r.varint();
        const entries = new Array(count);
        let previous = '';
        for (let i = 0; i < count; i++) {
          const shared = r.varint();
          const term = previous.slice(0, shared) + r.string();
          const df = r.varint();
          const nHead = r.varint();
          const head = r.varint();
          const tail = nHead < df ? r.varint() : 0;
          entries[i] = new Entry(term, df, nHead, offset, head, tail);
          offset += head + tail;
          previous = term;
        }
        return entries;
      });
      this.chunks.set(n, c);
      c.catch(() => this.chunks.delete(n));
    }
    return c;
  }

  /** The entry of a term, or null. */
  async lookup(term) {
    if (!this.meta.dictSizes.length) return null; // a locale with nothing to index yet
    const entries = await this.chunk(this.chunkOf(term));
    let lo = 0;
    let hi = entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = entries[mid].term;
      if (t === term) return entries[mid];
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /**
   * Entries with keys in [from, to), reading at most maxChunks chunks (the nearest to `from` first); `partial`
   * tells whether the range was cut.
   */
  async range(from, to, maxChunks = 8) {
    if (!this.meta.dictSizes.length) return { entries: [], partial: false };
    const first = this.chunkOf(from);
    const last = Math.min(this.chunkOf(to), first + maxChunks - 1);
    const wanted = [];
    for (let n = first; n <= last; n++) wanted.push(this.chunk(n));
    const out = [];
    for (const entries of await Promise.all(wanted)) {
      for (const e of entries) if (e.term >= from && e.term < to) out.push(e);
    }
    return { entries: out, partial: this.chunkOf(to) > last };
  }

  /** The postings of an entry: the head (highest impacts), or all of them with `all`. */
  postings(entry, all = false) {
    const complete = all || entry.n === entry.df;
    const key = postingsKey(entry.term, complete);
    let p = this.postingsCache.get(key);
    if (!p) {
      const tailStart = entry.offset + entry.head;
      // With the head already read, only the tail is fetched.
      const heldHead = complete && entry.tail ? this.postingsCache.get(postingsKey(entry.term, false)) : undefined;
      const from = heldHead ? tailStart : entry.offset;
      const to = complete ? tailStart + entry.tail : tailStart;
      const read = this.chunked ? this.chunked.post(from, to) : this.post.read(from, to);
      p = Promise.all([heldHead, read]).then(([head, bytes]) => {
        const into = head
          ? { docs: [...head.docs], impacts: [...head.impacts], parts: [...head.parts], titles: [...head.titles] }
          : { docs: [], impacts: [], parts: [], titles: [] };
        if (!head) decodePostings(bytes.subarray(0, entry.head), entry.n, into);
        if (complete && entry.tail) decodePostings(head ? bytes : bytes.subarray(entry.head), entry.df - entry.n, into);
        return new Postings(into.docs, into.impacts, into.parts, into.titles, complete);
      });
      this.postingsCache.set(key, p);
      p.catch(() => this.postingsCache.delete(key));
    }
    return p;
  }

  /** Where each page record starts in docs.bin (null when chunk files are read: they are found by number). */
  directory() {
    if (this.chunked) return Promise.resolve(null);
    if (!this.docDirectory) {
      this.docDirectory = this.docs.read(0, this.meta.docsDirectory).then(inflate).then((bytes) => {
        const r = new Reader(bytes);
        const count = r.varint();
        const starts = new Float64Array(count + 1);
        let at = this.meta.docsDirectory;
        for (let i = 0; i < count; i++) {
          starts[i] = at;
          at += r.varint();
        }
        starts[count] = at;
        return starts;
      });
      this.docDirectory.catch(() => { this.docDirectory = null; });
    }
    return this.docDirectory;
  }

  /** A page record: {path, title, section, parts: [[anchor, heading, excerpt], ...]}. */
  doc(id) {
    let d = this.docCache.get(id);
    if (!d) {
      const record = this.chunked
        ? this.chunked.unit('docs', id)
        : this.directory().then((starts) => this.docs.read(starts[id], starts[id + 1])).then(inflate);
      d = record
        .then((bytes) => {
          const [path, title, section, parts] = JSON.parse(utf8.decode(bytes));
          return { id, path, title, section, parts };
        });
      this.docCache.set(id, d);
      d.catch(() => this.docCache.delete(id));
    }
    return d;
  }
}
