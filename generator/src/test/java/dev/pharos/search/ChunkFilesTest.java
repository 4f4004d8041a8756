package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chunk files read on hosts that ignore Range, on an index of a few hundred generated pages with real Lucene
 * analysis: they hold exactly the packed files' data, cut only between units, each about its target size.
 */
class ChunkFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("withdraw deposit wallet network fee address memo tag confirm pending "
            + "frozen account verify identity passport limit daily margin futures spot order cancel trade market "
            + "price chart alert phishing scam support ticket refund transfer internal external chain token coin")
            .split(" ");

    /** Pages with varied text: a deterministic mix of words, long enough to need many chunk files. */
    private static List<SearchDocument> pages(int count) {
        List<SearchDocument> out = new ArrayList<>();
        long seed = 42;
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 120; w++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                body.append(WORDS[(int) ((seed >>> 33) % WORDS.length)]).append(w % 9 == 0 ? (i * 31 + w) : "")
                        .append(' ');
            }
            List<SearchDocument.Part> parts = new ArrayList<>();
            parts.add(new SearchDocument.Part("", "", body.toString()));
            parts.add(new SearchDocument.Part("more-" + i, "More about page " + i, body.substring(body.length() / 2)));
            out.add(new SearchDocument("/en/p" + i + "/", "Page " + i + " " + WORDS[i % WORDS.length], "Guides", "",
                    List.of(), parts, 1));
        }
        return out;
    }

    private static Map<String, byte[]> write(List<SearchDocument> docs) {
        Analysis english = new Analysis(Analysis.Kind.ENGLISH);
        return IndexFilesTest.files(new IndexBuilder(english, SearchSettings.Weights.DEFAULT).build(docs), english,
                IndexFiles.Layout.DEFAULT);
    }

    @Test
    void chunkFilesHoldExactlyThePackedFilesDataCutBetweenUnits() throws Exception {
        Map<String, byte[]> files = write(pages(400));
        JsonNode meta = JSON.readTree(files.get("meta.json"));
        String v = meta.get("version").asText() + "/";
        JsonNode chunks = meta.get("chunks");
        ChunkFiles.Sizes sizes = ChunkFiles.Sizes.DEFAULT;

        // Postings: the files inflated and joined are post.bin, and each starts where a term's postings start.
        byte[] post = files.get(v + "post.bin");
        Map<String, IndexFilesTest.Entry> dict = IndexFilesTest.readDictionary(meta, files.get(v + "dict.bin"));
        java.util.Set<Long> starts = new java.util.HashSet<>();
        dict.values().forEach(e -> {
            starts.add(e.offset());
            starts.add(e.offset() + e.head());
        });
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        assertThat(chunks.get("post").size()).isGreaterThan(1);
        for (int i = 0; i < chunks.get("post").size(); i++) {
            byte[] file = files.get(v + "post/" + i + ".bin");
            assertThat(file.length).as("post/%d.bin", i).isLessThanOrEqualTo(sizes.post() + 512);
            byte[] raw = IndexFilesTest.inflate(file);
            assertThat((long) raw.length).isEqualTo(chunks.get("post").get(i).asLong());
            assertThat(starts).as("post/%d.bin starts with a term's postings", i).contains((long) joined.size());
            joined.write(raw);
        }
        assertThat(joined.toByteArray()).isEqualTo(post);

        // Dictionary: the files hold every chunk of dict.bin, inflated, in order.
        List<byte[]> dictUnits = units(files, v + "dict/", chunks.get("dict"));
        int at = 0;
        int n = 0;
        for (JsonNode size : meta.get("dictSizes")) {
            byte[] packed = Arrays.copyOfRange(files.get(v + "dict.bin"), at, at + size.asInt());
            assertThat(dictUnits.get(n++)).isEqualTo(IndexFilesTest.inflate(packed));
            at += size.asInt();
        }
        assertThat(dictUnits).hasSize(n);

        // Page records: one per page, in page order, the JSON that docs.bin holds deflated.
        List<byte[]> records = units(files, v + "docs/", chunks.get("docs"));
        assertThat(records).hasSize(400);
        for (int i = 0; i < records.size(); i++) {
            assertThat(JSON.readTree(records.get(i)).get(0).asText()).isEqualTo("p" + i + "/");
        }
        for (String name : files.keySet()) {
            if (name.startsWith(v + "dict/")) {
                assertThat(files.get(name).length).as(name).isLessThanOrEqualTo(sizes.dict() + 512);
            } else if (name.startsWith(v + "docs/")) {
                assertThat(files.get(name).length).as(name).isLessThanOrEqualTo(sizes.docs() + 512);
            }
        }
        assertThat(chunks.get("docs").size()).isGreaterThan(1);
    }

    @Test
    void chunkFilesAreTheSameForTheSameInputAndNamedByTheVersion() {
        Map<String, byte[]> a = write(pages(150));
        Map<String, byte[]> b = write(pages(150));
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        // One more page changes the version, so no browser mixes chunk files of two builds.
        assertThat(write(pages(151)).keySet()).doesNotContainAnyElementsOf(
                a.keySet().stream().filter(k -> !k.equals("meta.json")).toList());
    }

    @Test
    void aLocaleWithNothingToIndexHasNoChunkFilesToRead() throws Exception {
        Map<String, byte[]> files = write(List.of());
        JsonNode chunks = JSON.readTree(files.get("meta.json")).get("chunks");
        assertThat(chunks.get("dict")).isEmpty();
        assertThat(chunks.get("docs")).isEmpty();
    }

    /** The length-prefixed units of a kind's files, checking each file's count against the manifest. */
    private static List<byte[]> units(Map<String, byte[]> files, String prefix, JsonNode counts) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            IndexFilesTest.Cursor c = new IndexFilesTest.Cursor(IndexFilesTest.inflate(files.get(prefix + i + ".bin")));
            int n = 0;
            while (c.at < c.bytes.length) {
                int size = c.varint();
                out.add(Arrays.copyOfRange(c.bytes, c.at, c.at + size));
                c.at += size;
                n++;
            }
            assertThat(n).as("%s%d.bin", prefix, i).isEqualTo(counts.get(i).asInt());
        }
        return out;
    }
}
