// Reads a locale's search index (see generator/.../search/IndexFiles.java for the layout): meta.json, then small
// pieces of dict.bin, post.bin and docs.bin fetched with HTTP range requests and inflated with
// DecompressionStream('deflate-raw'). A host that ignores Range sends the whole file once; that still works.
// No DOM access: runs in the browser and under Node (tests pass their own fetch).

const FORMAT = 2;
// Reads closer than this are fetched as one request.
const COALESCE_GAP = 384;

export async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const utf8 = new TextDecoder();

/** A cursor over bytes: LEB128 varints and length-prefixed UTF-8. */
class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.i = 0;
  }

  varint() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const x = this.b[this.i++];
      result += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) return result;
      shift += 7;
    }
  }

  string() {
    const n = this.varint();
    const s = utf8.decode(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return s;
  }
}

/** One file read in ranges; reads requested together are merged into few requests. */
class RangeFile {
  constructor(url, fetchImpl, stats) {
    this.url = url;
    this.fetch = fetchImpl;
    this.stats = stats;
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
    if (res.status === 206) return new Uint8Array(await res.arrayBuffer());
    if (res.status === 200) {
      // The host ignored Range: keep the whole file for every later read.
      this.whole = new Uint8Array(await res.arrayBuffer());
      return this.whole.subarray(start, end);
    }
    const error = new Error(`${this.url}: HTTP ${res.status}`);
    // The site was published again since meta.json was read, and this version's files are gone.
    error.stale = res.status === 404 || res.status === 410 || res.status === 416;
    throw error;
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
        this.dict = new RangeFile(file('dict.bin'), this.fetch, this.stats);
        this.post = new RangeFile(file('post.bin'), this.fetch, this.stats);
        this.docs = new RangeFile(file('docs.bin'), this.fetch, this.stats);
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
      c = this.dict.read(this.chunkStarts[n], this.chunkStarts[n + 1]).then(inflate).then((bytes) => {
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
      p = Promise.all([heldHead, this.post.read(from, to)]).then(([head, bytes]) => {
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

  directory() {
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
      d = this.directory()
        .then((starts) => this.docs.read(starts[id], starts[id + 1]))
        .then(inflate)
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
