package dev.pharos.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

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
                docs = java.util.Arrays.copyOf(docs, size);
                impacts = java.util.Arrays.copyOf(impacts, size);
                parts = java.util.Arrays.copyOf(parts, size);
                inTitle = java.util.Arrays.copyOf(inTitle, size);
            }
            docs[n] = doc;
            impacts[n] = (byte) impact;
            parts[n] = part;
            inTitle[n] = title;
            n++;
        }

        Postings postings() {
            return new Postings(java.util.Arrays.copyOf(docs, n), java.util.Arrays.copyOf(impacts, n),
                    java.util.Arrays.copyOf(parts, n), java.util.Arrays.copyOf(inTitle, n));
        }
    }

    /** Counts of one term in one page. */
    private static final class Counts {
        int title;
        int headings;
        int body;
        /** Per part that holds the term: part index, count in its heading, count in its text, flattened. */
        int[] parts = new int[6];
        int partCount;

        void part(int part, boolean heading) {
            int at = partCount - 1;
            if (partCount == 0 || parts[at * 3] != part) {
                if ((partCount + 1) * 3 > parts.length) {
                    parts = java.util.Arrays.copyOf(parts, parts.length * 2);
                }
                at = partCount++;
                parts[at * 3] = part;
            }
            parts[at * 3 + (heading ? 1 : 2)]++;
        }
    }

    /** One analyzed page: term counts and the lengths BM25F normalizes by. */
    private record Analyzed(Map<String, Counts> counts, int titleLength, int headingsLength, int bodyLength,
            int[] partHeadingLengths, int[] partTextLengths) {
    }

    /**
     * The analyses of the last build, so that the next one (a preview rebuild after one edit) analyzes only the
     * pages whose text changed. Holds only the pages of the latest build.
     */
    public static final class Memory {
        private Map<SearchDocument, Analyzed> last = Map.of();
    }

    /** Builds the index of pages given in their final order (their position is their number). */
    public Index build(List<SearchDocument> docs) {
        return build(docs, new Memory());
    }

    /** As {@link #build(List)}, reusing the analyses in {@code memory} of pages that did not change. */
    public Index build(List<SearchDocument> docs, Memory memory) {
        Map<SearchDocument, Analyzed> last = memory.last;
        List<Analyzed> analyzed = IntStream.range(0, docs.size()).parallel().mapToObj(i -> {
            Analyzed known = last.get(docs.get(i));
            return known != null ? known : analyze(docs.get(i));
        }).toList();
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

        Map<String, Growing> lists = new HashMap<>();
        for (int d = 0; d < analyzed.size(); d++) {
            Analyzed a = analyzed.get(d);
            for (Map.Entry<String, Counts> e : a.counts().entrySet()) {
                Counts c = e.getValue();
                double tf = weights.title() * c.title / norm(B_TITLE, a.titleLength(), avgTitle)
                        + weights.headings() * c.headings / norm(B_HEADINGS, a.headingsLength(), avgHeadings)
                        + weights.body() * c.body / norm(B_BODY, a.bodyLength(), avgBody);
                double best = 0;
                int bestPart = 0;
                for (int i = 0; i < c.partCount; i++) {
                    int part = c.parts[i * 3];
                    // A heading names its part as a title names the page, but a page title weighs more.
                    double ptf = weights.headings() * c.parts[i * 3 + 1] / norm(B_TITLE, a.partHeadingLengths()[part], avgPartHeading)
                            + weights.body() * c.parts[i * 3 + 2] / norm(B_BODY, a.partTextLengths()[part], avgPartText);
                    if (ptf > best) {
                        best = ptf;
                        bestPart = part;
                    }
                }
                double impact = saturate(Math.max(tf, best)) * docs.get(d).boost();
                int q = (int) Math.max(1, Math.min(255, Math.round(impact * 255)));
                lists.computeIfAbsent(e.getKey(), k -> new Growing()).add(d, q, bestPart, c.title > 0);
            }
        }
        TreeMap<String, Postings> terms = new TreeMap<>();
        lists.forEach((term, g) -> terms.put(term, g.postings()));
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

    private Analyzed analyze(SearchDocument doc) {
        Map<String, Counts> counts = new HashMap<>();
        int[] title = {0};
        analysis.surfaces(doc.title(), s -> {
            String t = analysis.term(s);
            if (t != null) {
                Counts c = counts.computeIfAbsent(t, k -> new Counts());
                c.title++;
                c.part(0, true);
                title[0]++;
            }
        });
        int[] headings = {0};
        int[] body = {0};
        for (String keyword : doc.keywords()) {
            analysis.surfaces(keyword, s -> {
                String t = analysis.term(s);
                if (t != null) {
                    counts.computeIfAbsent(t, k -> new Counts()).headings++;
                    headings[0]++;
                }
            });
        }
        int n = doc.parts().size();
        int[] partHeading = new int[n];
        int[] partText = new int[n];
        partHeading[0] = title[0];
        analysis.surfaces(doc.description(), s -> {
            String t = analysis.term(s);
            if (t != null) {
                Counts c = counts.computeIfAbsent(t, k -> new Counts());
                c.body++;
                c.part(0, false);
                body[0]++;
                partText[0]++;
            }
        });
        for (int p = 0; p < n; p++) {
            SearchDocument.Part part = doc.parts().get(p);
            final int at = p;
            analysis.surfaces(part.heading(), s -> {
                String t = analysis.term(s);
                if (t != null) {
                    Counts c = counts.computeIfAbsent(t, k -> new Counts());
                    c.headings++;
                    c.part(at, true);
                    headings[0]++;
                    partHeading[at]++;
                }
            });
            analysis.surfaces(part.text(), s -> {
                String t = analysis.term(s);
                if (t != null) {
                    Counts c = counts.computeIfAbsent(t, k -> new Counts());
                    c.body++;
                    c.part(at, false);
                    body[0]++;
                    partText[at]++;
                }
            });
        }
        return new Analyzed(counts, title[0], headings[0], body[0], partHeading, partText);
    }
}
