package dev.pharos.search;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pharos.internal.CacheFolder;
import dev.pharos.internal.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays an {@link IndexBuilder.Index} out as static files. The browser reads small pieces of a few large files with
 * HTTP range requests, so a query downloads a few kilobytes from four files per locale whatever the site's size
 * (hosts cap file counts; one file per shard or per page does not scale). The chunk files for hosts without Range
 * hold the same data in files of several kilobytes, still far fewer than pages.
 *
 * <pre>
 * _pharos/search/&lt;locale&gt;/meta.json            the entry point, fetched fresh: settings, synonyms, the
 *                                            dictionary's chunk boundaries, the version
 * _pharos/search/&lt;locale&gt;/&lt;version&gt;/dict.bin    the sorted term dictionary in chunks of a few kilobytes: term,
 *                                            document frequency, where its postings are. Also the vocabulary
 *                                            that prefix completion and typo correction search.
 * _pharos/search/&lt;locale&gt;/&lt;version&gt;/post.bin    postings, term after term in dictionary order: the highest
 *                                            impacts first ("head"), then the rest ("tail")
 * _pharos/search/&lt;locale&gt;/&lt;version&gt;/docs.bin    a directory of page record sizes, then one record per page:
 *                                            URL, title, section, and per heading its anchor, text and excerpt
 * </pre>
 *
 * <p>Beside them, the same data cut into small chunk files ({@code dict/<i>.bin}, {@code post/<i>.bin},
 * {@code docs/<i>.bin}; see {@link ChunkFiles}) for hosts that ignore Range.
 *
 * <p>{@code version} is a hash of all these files, so they can be cached for ever. Chunks of {@code dict.bin} and
 * {@code docs.bin} are raw DEFLATE (the browser's {@code DecompressionStream('deflate-raw')}), so they are small on
 * hosts that do not compress; postings are varints that do not compress further.
 *
 * <p>Layouts (varint = unsigned LEB128; string = varint byte length + UTF-8):
 * <pre>
 * dict chunk:  varint count, varint offset in post.bin of the chunk's first postings, then per term (sorted):
 *                varint prefix shared with the previous term (UTF-16 units), string rest,
 *                varint df, varint n (postings in the head), varint head bytes, [varint tail bytes if n &lt; df]
 * postings:    n × { varint (docDelta &lt;&lt; 2 | inTitle &lt;&lt; 1 | hasPart), byte impact, [varint part] }, docDelta from -1,
 *              in page order; the head holds the n highest impacts, the tail the others
 * docs.bin:    deflated {varint count, count × varint record size}, then the deflated records, each JSON
 *              [path, title, section, [[anchor, heading, excerpt, (answer)], ...]] (path relative to meta's base;
 *              answer only on a part with an instant answer: a FAQ entry, or part 0 of an article with a summary)
 * </pre>
 */
public final class IndexFiles {

    /** Format of the files; the browser refuses a meta.json with another. */
    public static final int FORMAT = 2;

    /**
     * How the files are cut; the defaults were tuned with bench/search (bytes of a first query).
     *
     * @param dictChunkBytes uncompressed size a dictionary chunk grows to before the next starts
     * @param headPostings   postings of a term fetched first; a frequent term's others are fetched only when needed
     */
    public record Layout(int dictChunkBytes, int headPostings) {
        public static final Layout DEFAULT = new Layout(3_000, 128);
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, false);

    /** A file to write, relative to {@code _pharos/search/<locale>/}. */
    public record File(String name, byte[] bytes) {
    }

    private IndexFiles() {
    }

    /**
     * The files of one locale's index.
     *
     * @param base the URL prefix page paths are relative to ({@code /en/})
     */
    public static List<File> write(IndexBuilder.Index index, Analysis analysis, Synonyms synonyms,
            SearchSettings settings, String locale, String base, Layout layout) {
        Bytes dict = new Bytes();
        Bytes post = new Bytes();
        List<String> keys = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Long> postBoundaries = new ArrayList<>();
        Bytes docs = new Bytes();
        // The page records and the terms are independent and mostly DEFLATE: made side by side, since the end of the
        // largest locale's index is what a build waits for after its pages, with a core idle.
        int[] directorySize = new int[1];
        Parallel.both(() -> writeTerms(index, layout, dict, post, keys, sizes, postBoundaries),
                () -> directorySize[0] = writeDocs(index, base, settings, docs));
        int directory = directorySize[0];

        Map<String, byte[]> versioned = new TreeMap<>();
        versioned.put("dict.bin", dict.toArray());
        versioned.put("post.bin", post.toArray());
        versioned.put("docs.bin", docs.toArray());
        ChunkFiles.Chunks chunks = ChunkFiles.split(versioned.get("dict.bin"), sizes, versioned.get("post.bin"),
                postBoundaries, versioned.get("docs.bin"), directory, ChunkFiles.Sizes.DEFAULT);
        versioned.putAll(chunks.files());
        String version = version(versioned);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("locale", locale);
        meta.put("version", version);
        meta.put("analyzer", analysis.kind().id());
        meta.put("stop", analysis.stopWords());
        meta.put("optional", analysis.optionalWords());
        meta.put("docs", index.docs().size());
        meta.put("k1", IndexBuilder.K1);
        meta.put("base", base);
        meta.put("typos", settings.typos());
        meta.put("docsDirectory", directory);
        meta.put("dictKeys", keys);
        meta.put("dictSizes", sizes);
        meta.put("synonyms", synonyms.groups());
        meta.put("chunks", chunks.manifest());
        List<File> out = new ArrayList<>();
        try {
            out.add(new File("meta.json", JSON.writeValueAsBytes(meta)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        versioned.forEach((name, bytes) -> out.add(new File(version + "/" + name, bytes)));
        return out;
    }

    private static void writeTerms(IndexBuilder.Index index, Layout layout, Bytes dict, Bytes post, List<String> keys,
            List<Integer> sizes, List<Long> postBoundaries) {
        Bytes chunk = new Bytes();
        int count = 0;
        long chunkBase = 0;
        String previous = "";
        String last = null;
        for (Map.Entry<String, IndexBuilder.Postings> e : index.terms().entrySet()) {
            String term = e.getKey();
            if (count == 0) {
                keys.add(separator(last, term));
                previous = "";
                chunkBase = post.size();
            }
            IndexBuilder.Postings p = e.getValue();
            int[] head = head(p, layout.headPostings());
            byte[] headBytes = postings(p, head);
            key(chunk, previous, term);
            chunk.varint(p.df()).varint(head.length).varint(headBytes.length);
            postBoundaries.add((long) post.size());
            post.put(headBytes);
            if (head.length < p.df()) {
                byte[] tailBytes = postings(p, rest(p, head));
                chunk.varint(tailBytes.length);
                postBoundaries.add((long) post.size());
                post.put(tailBytes);
            }
            previous = term;
            last = term;
            count++;
            if (chunk.size() >= layout.dictChunkBytes()) {
                sizes.add(flushChunk(dict, chunk, count, chunkBase));
                chunk = new Bytes();
                count = 0;
            }
        }
        if (count > 0) {
            sizes.add(flushChunk(dict, chunk, count, chunkBase));
        }
    }

    private static int flushChunk(Bytes dict, Bytes chunk, int count, long base) {
        byte[] packed = Bytes.deflate(new Bytes().varint(count).varint(base).put(chunk.toArray()).toArray());
        dict.put(packed);
        return packed.length;
    }

    /** Positions of the {@code max} highest-impact postings (ties: earlier page), in page order. */
    static int[] head(IndexBuilder.Postings p, int max) {
        int n = p.df();
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(p.impacts()[b] & 0xFF, p.impacts()[a] & 0xFF);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] head = new int[max];
        for (int i = 0; i < max; i++) {
            head[i] = order[i];
        }
        java.util.Arrays.sort(head);
        return head;
    }

    private static int[] rest(IndexBuilder.Postings p, int[] head) {
        int[] rest = new int[p.df() - head.length];
        int h = 0;
        int r = 0;
        for (int i = 0; i < p.df(); i++) {
            if (h < head.length && head[h] == i) {
                h++;
            } else {
                rest[r++] = i;
            }
        }
        return rest;
    }

    private static byte[] postings(IndexBuilder.Postings p, int[] which) {
        Bytes out = new Bytes();
        int previous = -1;
        for (int i : which) {
            int doc = p.docs()[i];
            int part = p.parts()[i];
            out.varint((long) (doc - previous) << 2 | (p.inTitle()[i] ? 2 : 0) | (part != 0 ? 1 : 0));
            out.put(p.impacts()[i]);
            if (part != 0) {
                out.varint(part);
            }
            previous = doc;
        }
        return out.toArray();
    }

    /** Writes the page directory and records; returns the directory's size (it starts the file). */
    private static int writeDocs(IndexBuilder.Index index, String base, SearchSettings settings, Bytes out) {
        List<SearchDocument> docs = index.docs();
        List<byte[]> records = new ArrayList<>(docs.size());
        for (SearchDocument doc : docs) {
            List<Object> parts = new ArrayList<>();
            for (int p = 0; p < doc.parts().size(); p++) {
                SearchDocument.Part part = doc.parts().get(p);
                String text = p == 0 && !doc.description().isEmpty() ? doc.description() : part.text();
                String excerpt = Excerpts.head(text, settings.excerptLength());
                // The answer repeats the excerpt's start, which DEFLATE stores as a back-reference: cheap to carry.
                parts.add(part.answer().isEmpty() ? List.of(part.anchor(), part.heading(), excerpt)
                        : List.of(part.anchor(), part.heading(), excerpt, part.answer()));
            }
            String path = doc.url().startsWith(base) ? doc.url().substring(base.length()) : doc.url();
            try {
                records.add(Bytes.deflate(JSON.writeValueAsBytes(List.of(path, doc.title(), doc.section(), parts))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Bytes directory = new Bytes().varint(records.size());
        records.forEach(r -> directory.varint(r.length));
        byte[] packed = Bytes.deflate(directory.toArray());
        out.put(packed);
        records.forEach(out::put);
        return packed.length;
    }

    /** Writes a key front-coded against the previous one. */
    private static void key(Bytes out, String previous, String term) {
        int shared = 0;
        int max = Math.min(previous.length(), term.length());
        while (shared < max && previous.charAt(shared) == term.charAt(shared)) {
            shared++;
        }
        if (shared > 0 && Character.isHighSurrogate(term.charAt(shared - 1))) {
            shared--; // never split a surrogate pair: the suffix must be valid UTF-8
        }
        out.varint(shared).string(term.substring(shared));
    }

    /** The shortest prefix of {@code first} that sorts after {@code last}: a shard boundary. */
    static String separator(String last, String first) {
        if (last == null) {
            return "";
        }
        for (int n = 1; n <= first.length(); n++) {
            String p = first.substring(0, n);
            if (Character.isHighSurrogate(p.charAt(n - 1)) && n < first.length()) {
                continue;
            }
            if (p.compareTo(last) > 0) {
                return p;
            }
        }
        return first;
    }

    private static String version(Map<String, byte[]> files) {
        // XXH3 rather than SHA-256: the version only has to change when the files do, and without the optimizing
        // compiler's intrinsics SHA-256 took a third of a second at the single-threaded end of a large build.
        HashStream128 hash = CacheFolder.hash();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            CacheFolder.add(hash, e.getKey());
            hash.putInt(e.getValue().length);
            hash.putBytes(e.getValue());
        }
        return CacheFolder.key(hash).substring(0, 12);
    }
}
