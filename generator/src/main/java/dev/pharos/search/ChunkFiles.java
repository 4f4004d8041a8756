package dev.pharos.search;

import dev.pharos.internal.Parallel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The index again as small files, for hosts that ignore HTTP Range (Python's {@code http.server}, proxies that
 * compress on the fly): there a read of {@code post.bin} would download all of it, so the browser fetches instead
 * the one chunk file that holds what it needs.
 *
 * <p>Each of {@code dict.bin}, {@code post.bin} and {@code docs.bin} is cut into chunk files of about a set
 * compressed size, only between the units a query reads (a dictionary chunk, a term's head or tail postings, a page
 * record), so one read needs one file. A chunk file is one raw DEFLATE stream over the units uncompressed, which on
 * top of being few files makes them smaller than the packed files' pieces: neighbouring records and postings
 * share words and patterns.
 *
 * <pre>
 * &lt;version&gt;/dict/&lt;i&gt;.bin   deflate of: per dictionary chunk, varint size, the chunk inflated
 * &lt;version&gt;/post/&lt;i&gt;.bin   deflate of: a slice of post.bin (a term's postings may span two files only when
 *                         larger than a file)
 * &lt;version&gt;/docs/&lt;i&gt;.bin   deflate of: per page record, varint size, the record inflated (its JSON)
 * meta.json "chunks"      {"dict": [dictionary chunks per file], "post": [post.bin bytes per file],
 *                          "docs": [page records per file]}
 * </pre>
 *
 * <p>Hot data is cut finer than cold: every query reads the dictionary, so its files are small.
 */
final class ChunkFiles {

    /**
     * Target compressed size of a chunk file, per kind; tuned with bench/search/rangeless.js (first-query bytes on
     * a host without Range, against the number of files).
     */
    record Sizes(int dict, int post, int docs) {
        static final Sizes DEFAULT = new Sizes(4_096, 16_384, 8_192);
    }

    /** The chunk files, by name under the version folder, and the manifest meta.json carries. */
    record Chunks(Map<String, byte[]> files, Map<String, List<Long>> manifest) {
    }

    private ChunkFiles() {
    }

    /**
     * Cuts the packed files into chunk files.
     *
     * @param dictSizes      compressed size of each dictionary chunk in {@code dict}
     * @param postBoundaries offsets in {@code post} where a term's head or tail postings start
     * @param docsDirectory  size of the compressed directory that starts {@code docs}
     */
    static Chunks split(byte[] dict, List<Integer> dictSizes, byte[] post, List<Long> postBoundaries, byte[] docs,
            int docsDirectory, Sizes sizes) {
        // Three independent cuts, each inflating and deflating its file again: side by side, in manifest order.
        List<Supplier<Part>> cuts = List.of(() -> dict(dict, dictSizes, sizes),
                () -> post(post, postBoundaries, sizes), () -> docs(docs, docsDirectory, sizes));
        List<Part> parts = Parallel.map(cuts, Supplier::get);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, List<Long>> manifest = new LinkedHashMap<>();
        for (Part part : parts) {
            files.putAll(part.files());
            manifest.put(part.kind(), part.manifest());
        }
        return new Chunks(files, manifest);
    }

    /** One kind's chunk files, and what the manifest says of them. */
    private record Part(String kind, Map<String, byte[]> files, List<Long> manifest) {
    }

    private static Part dict(byte[] dict, List<Integer> dictSizes, Sizes sizes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<byte[]> dictUnits = new ArrayList<>();
        int at = 0;
        for (int size : dictSizes) {
            dictUnits.add(inflate(dict, at, size));
            at += size;
        }
        return new Part("dict", files, write("dict", dictUnits, true, sizes.dict(), files));
    }

    private static Part post(byte[] post, List<Long> postBoundaries, Sizes sizes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<byte[]> postUnits = new ArrayList<>();
        List<Long> cuts = new ArrayList<>(postBoundaries);
        cuts.add((long) post.length);
        for (int i = 0; i + 1 < cuts.size(); i++) {
            // A unit larger than a file is cut: raw bytes never compress to more than themselves (plus a few).
            for (long from = cuts.get(i); from < cuts.get(i + 1); from += sizes.post()) {
                long to = Math.min(cuts.get(i + 1), from + sizes.post());
                postUnits.add(java.util.Arrays.copyOfRange(post, (int) from, (int) to));
            }
        }
        List<Long> postCounts = write("post", postUnits, false, sizes.post(), files);
        List<Long> postBytes = new ArrayList<>();
        int unit = 0;
        for (long count : postCounts) {
            long bytes = 0;
            for (long k = 0; k < count; k++) {
                bytes += postUnits.get(unit++).length;
            }
            postBytes.add(bytes);
        }
        return new Part("post", files, postBytes);
    }

    private static Part docs(byte[] docs, int docsDirectory, Sizes sizes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<byte[]> records = new ArrayList<>();
        if (docs.length > 0) {
            Reader directory = new Reader(inflate(docs, 0, docsDirectory));
            long count = directory.varint();
            int start = docsDirectory;
            for (long i = 0; i < count; i++) {
                int size = (int) directory.varint();
                records.add(inflate(docs, start, size));
                start += size;
            }
        }
        return new Part("docs", files, write("docs", records, true, sizes.docs(), files));
    }

    /** Writes units into files of about {@code target} compressed bytes; returns the units of each file. */
    private static List<Long> write(String kind, List<byte[]> units, boolean sized, int target,
            Map<String, byte[]> files) {
        List<Long> counts = new ArrayList<>();
        Chunk chunk = null;
        for (byte[] unit : units) {
            byte[] framed = sized ? new Bytes().varint(unit.length).put(unit).toArray() : unit;
            if (chunk != null && !chunk.fits(framed.length, target)) {
                files.put(kind + "/" + counts.size() + ".bin", chunk.finish());
                counts.add((long) chunk.units);
                chunk = null;
            }
            if (chunk == null) {
                chunk = new Chunk();
            }
            chunk.add(framed);
        }
        if (chunk != null) {
            files.put(kind + "/" + counts.size() + ".bin", chunk.finish());
            counts.add((long) chunk.units);
        }
        return counts;
    }

    /**
     * One chunk file being written as a single DEFLATE stream. Its compressed size is known exactly only at a flush,
     * and a flush costs a block header, so it flushes only when an estimate says the next unit might not fit.
     */
    private static final class Chunk {
        private final Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[16_384];
        private long pending; // raw bytes given since the last flush
        private long raw;
        private int units;

        void add(byte[] bytes) {
            deflater.setInput(bytes);
            drain(Deflater.NO_FLUSH);
            pending += bytes.length;
            raw += bytes.length;
            units++;
        }

        /** Whether {@code n} more raw bytes should stay within {@code target} compressed bytes. */
        boolean fits(int n, int target) {
            // Compressed output per raw byte so far, with a margin; raw bytes never grow much when compressed.
            // The guess is trusted for at most half the room left, so the flushes, and their cost, stay few.
            double ratio = raw - pending > 0 ? Math.min(1, 1.25 * out.size() / (double) (raw - pending)) : 1;
            double room = target - 64 - out.size();
            if ((pending + n) * ratio <= room / 2) {
                return true;
            }
            if (pending > 0) {
                drain(Deflater.SYNC_FLUSH);
                pending = 0;
                ratio = Math.min(1, 1.25 * out.size() / (double) raw);
            }
            return out.size() + n * ratio + 64 <= target;
        }

        byte[] finish() {
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            deflater.end();
            return out.toByteArray();
        }

        private void drain(int flush) {
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, flush);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
        }
    }

    private static byte[] inflate(byte[] bytes, int offset, int length) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 3);
            byte[] buffer = new byte[16_384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("truncated DEFLATE data at " + offset);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }

    /** Reads the varints this package writes. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long varint() {
            long result = 0;
            int shift = 0;
            for (;;) {
                byte b = bytes[at++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
                shift += 7;
            }
        }
    }
}
