package dev.pharos.search;

import dev.pharos.TestSites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.internal.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search stage in a real build of the sample help center. The built site is kept in
 * {@code target/search-fixture/site}: the theme's Node tests (themes/default/tests/search-*.test.js) search it.
 */
class SearchStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLE = AgreementTest.REPO.resolve("content");
    static final Path FIXTURE = Path.of("target", "search-fixture", "site").toAbsolutePath();
    private static BuildResult built;

    @BeforeAll
    static void buildSample() throws Exception {
        FileTrees.delete(FIXTURE);
        built = Pharos.build(BuildOptions.of(SAMPLE, FIXTURE));
    }

    @Test
    void eachLocaleGetsItsIndex() throws Exception {
        for (String locale : List.of("en", "zh-CN")) {
            JsonNode meta = meta(FIXTURE, locale);
            assertThat(meta.get("locale").asText()).isEqualTo(locale);
            String version = meta.get("version").asText();
            for (String file : List.of("dict.bin", "post.bin", "docs.bin")) {
                assertThat(FIXTURE.resolve("_pharos/search/" + locale + "/" + version + "/" + file)).isRegularFile();
            }
        }
        assertThat(meta(FIXTURE, "en").get("analyzer").asText()).isEqualTo("english");
        assertThat(meta(FIXTURE, "zh-CN").get("analyzer").asText()).isEqualTo("cjk");
        // The writers' synonyms, analyzed: 提币, 提现, 取款 ... one group.
        assertThat(meta(FIXTURE, "zh-CN").get("synonyms").toString()).contains("[[\"提币\"],[\"提现\"],[\"取款\"]");
    }

    @Test
    void onlyALocalesOwnArticlesAndSectionsWithTextAreIndexed() throws Exception {
        List<String> en = paths(FIXTURE, "en");
        List<String> zh = paths(FIXTURE, "zh-CN");
        assertThat(en).contains("deposits-withdrawals/crypto/withdrawal-pending/", "account/faq/",
                "deposits-withdrawals/").doesNotContain("", "search/");
        // fee-discounts is not translated: zh-CN shows it as an English fallback page, which zh-CN's index leaves out.
        assertThat(en).contains("fees-limits/fee-discounts/");
        assertThat(zh).contains("deposits-withdrawals/crypto/withdrawal-pending/").doesNotContain("fees-limits/fee-discounts/");
        assertThat(en).isSorted();
    }

    @Test
    void pagesLoadTheSearchLazilyAndTheResultsPageHasItsSlot() throws Exception {
        String article = Files.readString(FIXTURE.resolve("en/account/faq/index.html"));
        assertThat(article).contains("id=\"pharos-search\"", "js/search/boot.js", "css/search.css",
                "data-t-results-many=\"{0} results\"");
        assertThat(article).doesNotContain("js/search/ui.js", "js/search/engine.js");
        String zh = Files.readString(FIXTURE.resolve("zh-CN/index.html"));
        assertThat(zh).contains("data-fallback-lang=\"en\"", "data-fallback-label=\"English\"");
        String results = Files.readString(FIXTURE.resolve("en/search/index.html"));
        assertThat(results).contains("data-search-results");
        // Without JavaScript the results page still lists every article.
        assertThat(results).contains("href=\"/en/deposits-withdrawals/crypto/withdrawal-pending/\"");
    }

    @Test
    void faqAnswersAndSummariesAreStoredAsInstantAnswers() throws Exception {
        // A FAQ entry's part carries its answer as text, formatting kept and markup gone.
        JsonNode cancel = part(FIXTURE, "en", "deposits-withdrawals/faq/", "can-i-cancel-a-withdrawal");
        assertThat(cancel.get(1).asText()).isEqualTo("Can I cancel a withdrawal?");
        assertThat(cancel.get(3).asText()).startsWith("Yes, while its status is Submitted or Under review.")
                .doesNotContain("<", "**");
        // A long one is cut at a word, with an ellipsis, at about 300 columns.
        JsonNode pending = part(FIXTURE, "en", "deposits-withdrawals/faq/", "my-withdrawal-has-been-pending-for-a-long-time-why");
        assertThat(pending.get(3).asText()).endsWith("…").hasSizeBetween(200, 301).doesNotContain("  ");
        // An article's summary is the answer of its top part; an article without one has none.
        assertThat(part(FIXTURE, "en", "deposits-withdrawals/crypto/withdrawal-pending/", "").get(3).asText())
                .startsWith("Most withdrawals leave Tidewell within 5 minutes.");
        JsonNode zhFaq = records(FIXTURE, "zh-CN").stream().filter(r -> r.get(0).asText().equals("deposits-withdrawals/faq/"))
                .findFirst().orElseThrow();
        JsonNode zhCancel = java.util.stream.StreamSupport.stream(zhFaq.get(3).spliterator(), false)
                .filter(p -> p.get(1).asText().equals("提币可以撤销吗？")).findFirst().orElseThrow();
        assertThat(zhCancel.get(3).asText()).startsWith("状态为已提交或审核中时可以。");
        // A part that is not a question holds no answer: the record stays as small as before.
        for (JsonNode record : records(FIXTURE, "en")) {
            if (record.get(0).asText().equals("deposits-withdrawals/crypto/withdrawal-pending/")) {
                for (int i = 1; i < record.get(3).size(); i++) {
                    assertThat(record.get(3).get(i).size()).as(record.get(3).get(i).get(0).asText()).isEqualTo(3);
                }
            }
        }
    }

    @Test
    void theSameContentBuildsTheSameIndexBytes(@TempDir Path again) throws Exception {
        Pharos.build(BuildOptions.of(SAMPLE, again.resolve("site")));
        assertThat(TestSites.digest(again.resolve("site").resolve("_pharos/search")))
                .isEqualTo(TestSites.digest(FIXTURE.resolve("_pharos/search")));
    }

    @Test
    void searchCanBeTurnedOff(@TempDir Path dir) throws Exception {
        Path content = copySample(dir, "search:\n  enabled: false\n");
        Pharos.build(BuildOptions.of(content, dir.resolve("site")));
        assertThat(dir.resolve("site/_pharos/search")).doesNotExist();
        assertThat(Files.readString(dir.resolve("site/en/index.html"))).doesNotContain("js/search/boot.js");
    }

    @Test
    void configMistakesNameTheirLine(@TempDir Path dir) throws Exception {
        Path content = copySample(dir, "search:\n  results: 0\n  weights: {title: -1}\n  colour: blue\n");
        String yml = Files.readString(content.resolve("pharos.yml"));
        Files.writeString(content.resolve("pharos.yml"), yml.replace("  - code: zh-CN\n", "  - code: zh-CN\n    analyzer: klingon\n"));
        assertThatThrownBy(() -> Pharos.build(BuildOptions.of(content, dir.resolve("site"))))
                .isInstanceOf(PharosException.class)
                .satisfies(e -> assertThat(((PharosException) e).problems()).extracting(Object::toString).anySatisfy(
                        p -> assertThat(p).matches("pharos\\.yml:\\d+: error: unknown search analyzer 'klingon'; use english, cjk or standard"))
                        .anySatisfy(p -> assertThat(p).matches("pharos\\.yml:\\d+: error: 'search.results' must be between 1 and 50, not 0"))
                        .anySatisfy(p -> assertThat(p).contains("'search.weights.title' must be a number above 0"))
                        .anySatisfy(p -> assertThat(p).contains("warning: unknown key 'search.colour'")));
    }

    @Test
    void synonymWarningsPointAtTheFileLine() {
        assertThat(built.warnings()).extracting(Object::toString)
                .allMatch(w -> !w.startsWith("synonyms/") || w.matches("synonyms/[a-zA-Z-]+\\.txt:\\d+: warning: .*"));
    }

    private static Path copySample(Path dir, String searchYaml) throws IOException {
        Path content = TestSites.copy(SAMPLE, dir.resolve("content"));
        Path yml = content.resolve("pharos.yml");
        Files.writeString(yml, Files.readString(yml) + "\n" + searchYaml);
        return content;
    }

    static JsonNode meta(Path site, String locale) throws IOException {
        return JSON.readTree(site.resolve("_pharos/search/" + locale + "/meta.json").toFile());
    }

    /** The page paths of a locale's index, in index order. */
    static List<String> paths(Path site, String locale) throws Exception {
        return records(site, locale).stream().map(r -> r.get(0).asText()).toList();
    }

    /** The page records of a locale's index, in index order: [path, title, section, parts]. */
    static List<JsonNode> records(Path site, String locale) throws Exception {
        JsonNode meta = meta(site, locale);
        byte[] docs = Files.readAllBytes(site.resolve("_pharos/search/" + locale + "/" + meta.get("version").asText() + "/docs.bin"));
        int directory = meta.get("docsDirectory").asInt();
        IndexFilesTest.Cursor dir = new IndexFilesTest.Cursor(IndexFilesTest.inflate(Arrays.copyOfRange(docs, 0, directory)));
        int count = dir.varint();
        List<JsonNode> out = new ArrayList<>();
        int at = directory;
        for (int i = 0; i < count; i++) {
            int size = dir.varint();
            out.add(JSON.readTree(IndexFilesTest.inflate(Arrays.copyOfRange(docs, at, at + size))));
            at += size;
        }
        return out;
    }

    /** The part of a page record with this anchor ("" for the top): [anchor, heading, excerpt, (answer)]. */
    static JsonNode part(Path site, String locale, String path, String anchor) throws Exception {
        JsonNode record = records(site, locale).stream().filter(r -> r.get(0).asText().equals(path)).findFirst().orElseThrow();
        for (JsonNode part : record.get(3)) {
            if (part.get(0).asText().equals(anchor)) {
                return part;
            }
        }
        throw new AssertionError(path + " has no part #" + anchor);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
