package dev.pharos.search;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import dev.pharos.internal.CacheFolder;
import dev.pharos.internal.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Turns pages into postings with a precomputed BM25F impact per (term, page), so the browser only adds numbers.
 *
 * <p>Each page has three fields: title, headings (with tags and keywords) and body. A term's weight in a page is
 * BM25F: the field frequencies, each weighted and normalized by the field's length against its average, summed,
 * then saturated as {@code tf / (tf + k1)}. Each heading's part is also scored on its own (its heading as a title,
 * its text as body) and the page keeps the better of the two; so a question of a long FAQ page that matches well
 * is as strong as a short page that does, and the part that scored best is the deep link. The weight is
 * quantized to one byte; the inverse document frequency is computed in the browser from the document frequency.
 */
public final class IndexBuilder {

    /** BM25 saturation: how fast repeated occurrences stop adding weight. */
    public static final double K1 = 1.2;
    private static final double B_TITLE = 0.3;
    private static final double B_HEADINGS = 0.5;
    private static final double B_BODY = 0.75;

    private final Analysis analysis;
    private final SearchSettings.Weights weights;

    public IndexBuilder(Analysis analysis, SearchSettings.Weights weights) {
        this.analysis = analysis;
        this.weights = weights;
    }

    /**
     * One posting list: the pages containing a term, in page order, with impact, best part, and whether the term is
     * in the page title (readers often type a title: a page whose title holds every word is the likely answer).
     */
    public record Postings(int[] docs, byte[] impacts, int[] parts, boolean[] inTitle) {
        public int df() {
            return docs.length;
        }
    }

    /** The analyzed site: pages in index order and each term's postings, terms sorted. */
    public record Index(List<SearchDocument> docs, TreeMap<String, Postings> terms) {
    }

    /** A posting list being filled, page by page. */
    private static final class Growing {
        int[] docs = new int[4];
        byte[] impacts = new byte[4];
        int[] parts = new int[4];
        boolean[] inTitle = new boolean[4];
        int n;

        void add(int doc, int impact, int part, boolean title) {
            if (n == docs.length) {
                int size = n * 2;
                docs = Arrays.copyOf(docs, size);
                impacts = Arrays.copyOf(impacts, size);
                parts = Arrays.copyOf(parts, size);
                inTitle = Arrays.copyOf(inTitle, size);
            }
            docs[n] = doc;
            impacts[n] = (byte) impact;
            parts[n] = part;
            inTitle[n] = title;
            n++;
        }

        Postings postings() {
            return new Postings(Arrays.copyOf(docs, n), Arrays.copyOf(impacts, n),
                    Arrays.copyOf(parts, n), Arrays.copyOf(inTitle, n));
        }
    }

    /** Counts of one term in one page, while the page is analyzed. */
    private static final class Counts {
        final int term;
        int title;
        int headings;
        int body;
        /** Per part that holds the term: part index, count in its heading, count in its text, flattened. */
        int[] parts = new int[6];
        int partCount;

        Counts(int term) {
            this.term = term;
        }

        void part(int part, boolean heading) {
            int at = partCount - 1;
            if (partCount == 0 || parts[at * 3] != part) {
                if ((partCount + 1) * 3 > parts.length) {
                    parts = Arrays.copyOf(parts, parts.length * 2);
                }
                at = partCount++;
                parts[at * 3] = part;
            }
            parts[at * 3 + (heading ? 1 : 2)]++;
        }
    }

    /**
     * One analyzed page: its terms' counts packed in one array, and the lengths BM25F normalizes by. Every page of
     * the site is held until the postings are built, so a page costs a few ints per distinct term rather than a map
     * of objects (at 100,000 pages the maps alone outgrew a 4 GiB heap).
     *
     * @param counts per distinct term: term id, count in title, in headings, in body, number of parts, then
     *               (part, count in its heading, count in its text) per part
     */
    private record Analyzed(int[] counts, int titleLength, int headingsLength, int bodyLength,
            int[] partHeadingLengths, int[] partTextLengths) {
    }

    /**
     * Terms of a site numbered as first seen, so pages hold ints, not strings; ids depend on thread timing, but
     * nothing written depends on ids: postings are written in term order.
     */
    private static final class Terms {
        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private final List<String> names = new ArrayList<>();

        int id(String term) {
            Integer id = ids.get(term);
            return id != null ? id : ids.computeIfAbsent(term, this::add);
        }

        private int add(String term) {
            synchronized (names) {
                names.add(term);
                return names.size() - 1;
            }
        }

        int size() {
            synchronized (names) {
                return names.size();
            }
        }

        String name(int id) {
            synchronized (names) {
                return names.get(id);
            }
        }

        private final ThreadLocal<PageCounts> perThread = new ThreadLocal<>();

        /** This thread's counter for one page at a time (it keeps the surfaces the thread has looked up). */
        PageCounts pageCounts(Analysis analysis) {
            PageCounts counts = perThread.get();
            if (counts == null) {
                counts = new PageCounts(analysis, this);
                perThread.set(counts);
            }
            return counts;
        }
    }

    /**
     * Counts the terms of one page. A token comes as the analyzer's buffer; the surfaces this thread has seen map
     * straight to their term's id (-1 for a stop word), so a known word costs one hash and no allocation, and a
     * page's counts are found by id in an array rather than a map.
     */
    private static final class PageCounts {
        private final Analysis analysis;
        private final Terms table;
        private final CharArrayMap<Integer> surfaces =
                new CharArrayMap<>(4096, false);
        /** Term id to 1 + the index of its counts in {@link #counts}; 0 when the page has not had it. */
        private int[] slot = new int[4096];
        private final List<Counts> counts = new ArrayList<>();

        PageCounts(Analysis analysis, Terms table) {
            this.analysis = analysis;
            this.table = table;
        }

        /** The counts of the term of a surface, or null for a stop word. */
        Counts of(char[] chars, int length) {
            Integer id = surfaces.get(chars, 0, length);
            if (id == null) {
                String surface = new String(chars, 0, length);
                String term = analysis.term(surface);
                id = term == null ? -1 : table.id(term);
                surfaces.put(surface, id);
            }
            int term = id;
            if (term < 0) {
                return null;
            }
            if (term >= slot.length) {
                slot = Arrays.copyOf(slot, Math.max(term + 1, slot.length * 2));
            }
            int at = slot[term];
            if (at != 0) {
                return counts.get(at - 1);
            }
            Counts c = new Counts(term);
            counts.add(c);
            slot[term] = counts.size();
            return c;
        }

        int[] packAndClear() {
            int[] packed = pack(counts);
            for (Counts c : counts) {
                slot[c.term] = 0;
            }
            counts.clear();
            return packed;
        }
    }

    /**
     * The analyses of the last build, so that the next one (a preview rebuild after one edit) analyzes only the
     * pages whose text changed. Holds only the pages of the latest build, and the term numbers they use.
     */
    public static final class Memory {
        private Map<SearchDocument, Analyzed> last = Map.of();
        private final Terms terms = new Terms();
    }

    /**
     * Page analyses kept in the build cache ({@code <cache>/analyses/<locale>/}), so that a build after an edit
     * analyzes only the pages whose text changed. An entry is found by a hash of everything an analysis reads of a
     * page (title, keywords, description, headings and text), the analysis chain and this Pharos.
     */
    public static final class Stored {
        private static final ObjectMapper FORMAT =
                SmileMapper.builder().build();

        /** An analysis as kept: term numbers in {@code counts} are positions in {@code terms}. */
        private record Entry(List<String> terms, int[] counts, int titleLength, int headingsLength, int bodyLength,
                int[] partHeadingLengths, int[] partTextLengths) {
        }

        private final CacheFolder folder;
        private final String common;

        public Stored(Path cache, String locale, Analysis.Kind kind) {
            this.folder = new CacheFolder(cache, "analyses/" + locale);
            this.common = CacheFolder.generator() + "/" + kind;
        }

        String key(SearchDocument doc) {
            HashStream128 hash = CacheFolder.hash();
            CacheFolder.add(hash, common);
            CacheFolder.add(hash, doc.title());
            CacheFolder.add(hash, String.valueOf(doc.keywords().size()));
            doc.keywords().forEach(k -> CacheFolder.add(hash, k));
            CacheFolder.add(hash, doc.description());
            CacheFolder.add(hash, String.valueOf(doc.parts().size()));
            for (SearchDocument.Part part : doc.parts()) {
                CacheFolder.add(hash, part.heading());
                CacheFolder.add(hash, part.text());
            }
            return CacheFolder.key(hash);
        }

        /** Marks the analyses of {@code docs} as used by this build, though it did not read them. */
        void keep(List<SearchDocument> docs) {
            docs.forEach(doc -> folder.keep(key(doc)));
        }

        Analyzed read(String key, Terms table) {
            byte[] bytes = folder.read(key);
            if (bytes == null) {
                return null;
            }
            try {
                Entry e = FORMAT.readValue(bytes, Entry.class);
                int[] ids = e.terms().stream().mapToInt(table::id).toArray();
                int[] counts = e.counts().clone();
                for (int at = 0; at < counts.length; at += 5 + counts[at + 4] * 3) {
                    counts[at] = ids[counts[at]];
                }
                return new Analyzed(counts, e.titleLength(), e.headingsLength(), e.bodyLength(),
                        e.partHeadingLengths(), e.partTextLengths());
            } catch (IOException | RuntimeException e) {
                return null; // unreadable or inconsistent: analyzed again
            }
        }

        void write(String key, Analyzed a, Terms table) {
            List<String> terms = new ArrayList<>();
            int[] counts = a.counts().clone();
            for (int at = 0; at < counts.length; at += 5 + counts[at + 4] * 3) {
                terms.add(table.name(counts[at]));
                counts[at] = terms.size() - 1;
            }
            try {
                folder.write(key, FORMAT.writeValueAsBytes(new Entry(terms, counts, a.titleLength(), a.headingsLength(),
                        a.bodyLength(), a.partHeadingLengths(), a.partTextLengths())));
            } catch (IOException | RuntimeException e) {
                // Best effort: the cache only saves work.
            }
        }

        /** Removes the analyses this build did not use. */
        public void removeUnused() {
            folder.removeUnused();
        }
    }

    /** Builds the index of pages given in their final order (their position is their number). */
    public Index build(List<SearchDocument> docs) {
        return build(docs, new Memory(), null);
    }

    /** As {@link #build(List)}, reusing the analyses in {@code memory} of pages that did not change. */
    public Index build(List<SearchDocument> docs, Memory memory) {
        return build(docs, memory, null);
    }

    /**
     * As {@link #build(List)}, reusing the analyses in {@code memory} of pages that did not change, and those in
     * {@code stored} (or null) of pages an earlier build analyzed.
     */
    public Index build(List<SearchDocument> docs, Memory memory, Stored stored) {
        Map<SearchDocument, Analyzed> last = memory.last;
        List<Analyzed> analyzed = Parallel.map(docs, doc -> {
            Analyzed known = last.get(doc);
            if (known != null) {
                return known;
            }
            if (stored == null) {
                return analyze(doc, memory.terms);
            }
            String key = stored.key(doc);
            known = stored.read(key, memory.terms);
            if (known == null) {
                known = analyze(doc, memory.terms);
                stored.write(key, known, memory.terms);
            }
            return known;
        });
        Map<SearchDocument, Analyzed> next = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            next.put(docs.get(i), analyzed.get(i));
        }
        memory.last = next;

        double avgTitle = average(analyzed, Analyzed::titleLength);
        double avgHeadings = average(analyzed, Analyzed::headingsLength);
        double avgBody = average(analyzed, Analyzed::bodyLength);
        long partCount = 0;
        long partHeadingTotal = 0;
        long partTextTotal = 0;
        for (Analyzed a : analyzed) {
            for (int p = 0; p < a.partTextLengths().length; p++) {
                partCount++;
                partHeadingTotal += a.partHeadingLengths()[p];
                partTextTotal += a.partTextLengths()[p];
            }
        }
        double avgPartHeading = Math.max(1, partHeadingTotal / (double) Math.max(1, partCount));
        double avgPartText = Math.max(1, partTextTotal / (double) Math.max(1, partCount));

        Terms table = memory.terms;
        Growing[] lists = new Growing[table.size()];
        for (int d = 0; d < analyzed.size(); d++) {
            Analyzed a = analyzed.get(d);
            int[] c = a.counts();
            for (int at = 0; at < c.length; ) {
                int term = c[at];
                double tf = weights.title() * c[at + 1] / norm(B_TITLE, a.titleLength(), avgTitle)
                        + weights.headings() * c[at + 2] / norm(B_HEADINGS, a.headingsLength(), avgHeadings)
                        + weights.body() * c[at + 3] / norm(B_BODY, a.bodyLength(), avgBody);
                int termParts = c[at + 4];
                double best = 0;
                int bestPart = 0;
                for (int i = 0, p = at + 5; i < termParts; i++, p += 3) {
                    int part = c[p];
                    // A heading names its part as a title names the page, but a page title weighs more.
                    double ptf = weights.headings() * c[p + 1] / norm(B_TITLE, a.partHeadingLengths()[part], avgPartHeading)
                            + weights.body() * c[p + 2] / norm(B_BODY, a.partTextLengths()[part], avgPartText);
                    if (ptf > best) {
                        best = ptf;
                        bestPart = part;
                    }
                }
                double impact = saturate(Math.max(tf, best)) * docs.get(d).boost();
                int q = (int) Math.max(1, Math.min(255, Math.round(impact * 255)));
                if (lists[term] == null) {
                    lists[term] = new Growing();
                }
                lists[term].add(d, q, bestPart, c[at + 1] > 0);
                at += 5 + termParts * 3;
            }
        }
        TreeMap<String, Postings> terms = new TreeMap<>();
        for (int id = 0; id < lists.length; id++) {
            if (lists[id] != null) {
                terms.put(table.name(id), lists[id].postings());
            }
        }
        return new Index(docs, terms);
    }

    private static double saturate(double tf) {
        return tf / (tf + K1);
    }

    private static double norm(double b, int length, double average) {
        return 1 - b + b * length / average;
    }

    private static double average(List<Analyzed> all, java.util.function.ToIntFunction<Analyzed> f) {
        return Math.max(1, all.stream().mapToInt(f).average().orElse(1));
    }

    private Analyzed analyze(SearchDocument doc, Terms table) {
        PageCounts counts = table.pageCounts(analysis);
        int[] title = {0};
        analysis.surfaceChars(doc.title(), (chars, length) -> {
            Counts c = counts.of(chars, length);
            if (c != null) {
                c.title++;
                c.part(0, true);
                title[0]++;
            }
        });
        int[] headings = {0};
        int[] body = {0};
        for (String keyword : doc.keywords()) {
            analysis.surfaceChars(keyword, (chars, length) -> {
                Counts c = counts.of(chars, length);
                if (c != null) {
                    c.headings++;
                    headings[0]++;
                }
            });
        }
        int n = doc.parts().size();
        int[] partHeading = new int[n];
        int[] partText = new int[n];
        partHeading[0] = title[0];
        analysis.surfaceChars(doc.description(), (chars, length) -> {
            Counts c = counts.of(chars, length);
            if (c != null) {
                c.body++;
                c.part(0, false);
                body[0]++;
                partText[0]++;
            }
        });
        for (int p = 0; p < n; p++) {
            SearchDocument.Part part = doc.parts().get(p);
            final int at = p;
            analysis.surfaceChars(part.heading(), (chars, length) -> {
                Counts c = counts.of(chars, length);
                if (c != null) {
                    c.headings++;
                    c.part(at, true);
                    headings[0]++;
                    partHeading[at]++;
                }
            });
            analysis.surfaceChars(part.text(), (chars, length) -> {
                Counts c = counts.of(chars, length);
                if (c != null) {
                    c.body++;
                    c.part(at, false);
                    body[0]++;
                    partText[at]++;
                }
            });
        }
        return new Analyzed(counts.packAndClear(), title[0], headings[0], body[0], partHeading, partText);
    }

    private static int[] pack(List<Counts> all) {
        int size = 0;
        for (Counts c : all) {
            size += 5 + c.partCount * 3;
        }
        int[] out = new int[size];
        int at = 0;
        for (Counts c : all) {
            out[at] = c.term;
            out[at + 1] = c.title;
            out[at + 2] = c.headings;
            out[at + 3] = c.body;
            out[at + 4] = c.partCount;
            System.arraycopy(c.parts, 0, out, at + 5, c.partCount * 3);
            at += 5 + c.partCount * 3;
        }
        return out;
    }
}
