package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Writes small indexes with real Lucene analysis and reads the files back as the browser does. */
class IndexFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Analysis english = new Analysis(Analysis.Kind.ENGLISH);

    private static SearchDocument doc(String url, String title, String body, SearchDocument.Part... more) {
        List<SearchDocument.Part> parts = new ArrayList<>();
        parts.add(new SearchDocument.Part("", "", body));
        parts.addAll(List.of(more));
        return new SearchDocument(url, title, "Deposits", "", List.of(), parts, 1);
    }

    private List<SearchDocument> docs() {
        return List.of(
                doc("/en/a/", "Withdraw crypto", "Send coins to another wallet."),
                doc("/en/b/", "Deposit crypto", "Your deposit arrives after confirmations. A withdrawal elsewhere.",
                        new SearchDocument.Part("cancel", "Can I cancel a withdrawal?", "Yes, while it is under review.")),
                doc("/en/c/", "Fees", "Network fees for every coin."));
    }

    private Map<String, byte[]> write(List<SearchDocument> docs, IndexFiles.Layout layout) {
        return files(new IndexBuilder(english, SearchSettings.Weights.DEFAULT).build(docs), english, layout);
    }

    private Map<String, byte[]> write(List<SearchDocument> docs, IndexBuilder.Memory memory) {
        return files(new IndexBuilder(english, SearchSettings.Weights.DEFAULT).build(docs, memory), english,
                IndexFiles.Layout.DEFAULT);
    }

    /** The files of an English index with default settings, by name. */
    static Map<String, byte[]> files(IndexBuilder.Index index, Analysis analysis, IndexFiles.Layout layout) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (IndexFiles.File f : IndexFiles.write(index, analysis, Synonyms.NONE, SearchSettings.defaults("en"), "en",
                "/en/", layout)) {
            out.put(f.name(), f.bytes());
        }
        return out;
    }

    @Test
    void aRebuildThatRemembersUnchangedPagesWritesWhatAFreshBuildWrites() {
        IndexBuilder.Memory memory = new IndexBuilder.Memory();
        write(docs(), memory);
        List<SearchDocument> edited = new ArrayList<>(docs());
        edited.set(0, doc("/en/a/", "Withdraw crypto", "Send coins to another wallet, or cancel while pending."));
        edited.remove(2);
        edited.add(doc("/en/d/", "Cancel a withdrawal", "Cancel before it is broadcast."));
        Map<String, byte[]> remembered = write(edited, memory);
        Map<String, byte[]> fresh = write(edited, IndexFiles.Layout.DEFAULT);
        assertThat(remembered.keySet()).isEqualTo(fresh.keySet());
        fresh.forEach((name, bytes) -> assertThat(remembered.get(name)).as(name).isEqualTo(bytes));
        // And the edit is in it: the version, named by the content, moved.
        assertThat(remembered.keySet()).isNotEqualTo(write(docs(), IndexFiles.Layout.DEFAULT).keySet());
    }

    @Test
    void sameInputGivesTheSameBytes() {
        Map<String, byte[]> a = write(docs(), IndexFiles.Layout.DEFAULT);
        Map<String, byte[]> b = write(docs(), IndexFiles.Layout.DEFAULT);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(b.get(name)));
        // The version names the content: a changed page changes it.
        List<SearchDocument> changed = new ArrayList<>(docs());
        changed.set(2, doc("/en/c/", "Fees", "Network fees for every coin, updated."));
        assertThat(write(changed, IndexFiles.Layout.DEFAULT).keySet()).isNotEqualTo(a.keySet());
    }

    @Test
    void metaDescribesTheFilesAndTheAnalyzer() throws Exception {
        Map<String, byte[]> files = write(docs(), IndexFiles.Layout.DEFAULT);
        JsonNode meta = JSON.readTree(files.get("meta.json"));
        String version = meta.get("version").asText();
        assertThat(files.keySet()).containsExactly("meta.json", version + "/dict.bin", version + "/dict/0.bin",
                version + "/docs.bin", version + "/docs/0.bin", version + "/post.bin", version + "/post/0.bin");
        assertThat(meta.get("format").asInt()).isEqualTo(IndexFiles.FORMAT);
        assertThat(meta.get("analyzer").asText()).isEqualTo("english");
        assertThat(meta.get("docs").asInt()).isEqualTo(3);
        assertThat(meta.get("base").asText()).isEqualTo("/en/");
        assertThat(meta.get("dictKeys").get(0).asText()).isEmpty();
        int total = 0;
        for (JsonNode size : meta.get("dictSizes")) {
            total += size.asInt();
        }
        assertThat(total).isEqualTo(files.get(version + "/dict.bin").length);
    }

    @Test
    void postingsCarryImpactPartAndTitleFlag() throws Exception {
        Map<String, byte[]> files = write(docs(), IndexFiles.Layout.DEFAULT);
        JsonNode meta = JSON.readTree(files.get("meta.json"));
        String version = meta.get("version").asText();
        Map<String, Entry> dict = readDictionary(meta, files.get(version + "/dict.bin"));
        assertThat(dict).containsKeys("withdraw", "deposit", "fee", "cancel").doesNotContainKey("the");

        List<Posting> withdraw = postings(files.get(version + "/post.bin"), dict.get("withdraw"));
        assertThat(withdraw).extracting(Posting::doc).containsExactly(0, 1);
        // In page a's title; in page b only under the heading "Can I cancel a withdrawal?" (part 1).
        assertThat(withdraw.get(0).inTitle()).isTrue();
        assertThat(withdraw.get(1).inTitle()).isFalse();
        assertThat(withdraw.get(1).part()).isEqualTo(1);
        assertThat(withdraw.get(0).impact()).isGreaterThan(withdraw.get(1).impact());
    }

    @Test
    void frequentTermsKeepTheirStrongestPostingsFirst() throws Exception {
        List<SearchDocument> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String title = i % 5 == 0 ? "Coin guide " + i : "Guide " + i;
            many.add(doc("/en/p" + (100 + i) + "/", title, "A coin page. Page " + i + " text."));
        }
        Map<String, byte[]> files = write(many, new IndexFiles.Layout(3000, 4));
        JsonNode meta = JSON.readTree(files.get("meta.json"));
        String version = meta.get("version").asText();
        Entry coin = readDictionary(meta, files.get(version + "/dict.bin")).get("coin");
        assertThat(coin.df()).isEqualTo(20);
        assertThat(coin.n()).isEqualTo(4);
        List<Posting> head = postings(files.get(version + "/post.bin"), coin);
        // The head holds the four pages with "coin" in the title, in page order.
        assertThat(head).extracting(Posting::doc).containsExactly(0, 5, 10, 15);
        assertThat(coin.tail()).isPositive();
    }

    @Test
    void pageRecordsFollowTheirDirectory() throws Exception {
        Map<String, byte[]> files = write(docs(), IndexFiles.Layout.DEFAULT);
        JsonNode meta = JSON.readTree(files.get("meta.json"));
        byte[] docsBin = files.get(meta.get("version").asText() + "/docs.bin");
        int directory = meta.get("docsDirectory").asInt();
        Cursor dir = new Cursor(inflate(Arrays.copyOfRange(docsBin, 0, directory)));
        int count = dir.varint();
        assertThat(count).isEqualTo(3);
        int at = directory;
        List<JsonNode> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int size = dir.varint();
            records.add(JSON.readTree(inflate(Arrays.copyOfRange(docsBin, at, at + size))));
            at += size;
        }
        assertThat(at).isEqualTo(docsBin.length);
        JsonNode b = records.get(1);
        assertThat(b.get(0).asText()).isEqualTo("b/");
        assertThat(b.get(1).asText()).isEqualTo("Deposit crypto");
        assertThat(b.get(2).asText()).isEqualTo("Deposits");
        assertThat(b.get(3).get(1).get(0).asText()).isEqualTo("cancel");
        assertThat(b.get(3).get(1).get(1).asText()).isEqualTo("Can I cancel a withdrawal?");
    }

    @Test
    void aLocaleWithNothingToIndexStillGetsValidFiles() throws Exception {
        Map<String, byte[]> files = write(List.of(), IndexFiles.Layout.DEFAULT);
        JsonNode meta = JSON.readTree(files.get("meta.json"));
        assertThat(meta.get("docs").asInt()).isZero();
        assertThat(meta.get("dictKeys")).isEmpty();
        byte[] docsBin = files.get(meta.get("version").asText() + "/docs.bin");
        assertThat(new Cursor(inflate(docsBin)).varint()).isZero();
    }

    @Test
    void excerptsAreCutByDisplayWidthAtWords() {
        assertThat(Excerpts.head("one two three four", 100)).isEqualTo("one two three four");
        assertThat(Excerpts.head("alpha beta gamma delta epsilon", 14)).isEqualTo("alpha beta…");
        // A CJK character takes two columns.
        assertThat(Excerpts.head("提币一直没到账怎么办", 8)).isEqualTo("提币一直…");
    }

    @Test
    void shardBoundariesAreShortestSeparators() {
        assertThat(IndexFiles.separator(null, "apple")).isEmpty();
        assertThat(IndexFiles.separator("apple", "banana")).isEqualTo("b");
        assertThat(IndexFiles.separator("withdraw", "withdrawn")).isEqualTo("withdrawn");
        assertThat(IndexFiles.separator("提币", "提现")).isEqualTo("提现");
    }

    record Entry(String term, int df, int n, long offset, int head, int tail) {
    }

    record Posting(int doc, int impact, int part, boolean inTitle) {
    }

    static Map<String, Entry> readDictionary(JsonNode meta, byte[] dict) throws Exception {
        Map<String, Entry> out = new LinkedHashMap<>();
        int at = 0;
        for (JsonNode size : meta.get("dictSizes")) {
            Cursor c = new Cursor(inflate(Arrays.copyOfRange(dict, at, at + size.asInt())));
            at += size.asInt();
            int count = c.varint();
            long offset = c.varint();
            String previous = "";
            for (int i = 0; i < count; i++) {
                int shared = c.varint();
                String term = previous.substring(0, shared) + c.string();
                int df = c.varint();
                int n = c.varint();
                int head = c.varint();
                int tail = n < df ? c.varint() : 0;
                out.put(term, new Entry(term, df, n, offset, head, tail));
                offset += head + tail;
                previous = term;
            }
        }
        return out;
    }

    static List<Posting> postings(byte[] post, Entry e) {
        Cursor c = new Cursor(Arrays.copyOfRange(post, (int) e.offset(), (int) e.offset() + e.head()));
        List<Posting> out = new ArrayList<>();
        int doc = -1;
        for (int i = 0; i < e.n(); i++) {
            int v = c.varint();
            doc += v >>> 2;
            int impact = c.bytes[c.at++] & 0xFF;
            int part = (v & 1) != 0 ? c.varint() : 0;
            out.add(new Posting(doc, impact, part, (v & 2) != 0));
        }
        return out;
    }

    static byte[] inflate(byte[] raw) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }

    static final class Cursor {
        final byte[] bytes;
        int at;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        int varint() {
            int result = 0;
            int shift = 0;
            while (true) {
                int b = bytes[at++] & 0xFF;
                result |= (b & 0x7F) << shift;
                if (b < 0x80) {
                    return result;
                }
                shift += 7;
            }
        }

        String string() {
            int n = varint();
            String s = new String(bytes, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }
    }
}
