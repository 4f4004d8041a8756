package dev.pharos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchReportTest {

    @TempDir
    Path dir;

    private Path content;

    @BeforeEach
    void content() {
        content = TestSites.at(dir.resolve("content"))
                .file("pharos.yml", "title: Tidewell Help\nlocales:\n  - code: en\n  - code: zh-CN\n")
                .page("en/withdrawals.md", "title: Withdrawal pending",
                        "Your withdrawal is pending while the network confirms it. Taking longer? Check the network.")
                .page("en/verify.md", "title: Verify your identity", "Identity verification takes a day.")
                .page("en/draft.md", "title: Staking\ndraft: true", "Staking is coming.")
                .page("zh-CN/withdrawals.md", "title: 提币处理中", "提币需要网络确认。")
                .file("synonyms/en.txt", "# Moving money\nwithdraw, withdrawal, cash out\n")
                .root();
    }

    private static String search(String day, String q, String lang, int results) {
        return "{\"v\":1,\"t\":\"2026-11-0" + day + "T10:00:00Z\",\"q\":\"" + q + "\",\"lang\":\"" + lang
                + "\",\"results\":" + results + "}";
    }

    private static String open(String day, String q, String lang, int results, String url) {
        return "{\"v\":1,\"t\":\"2026-11-0" + day + "T10:00:05Z\",\"q\":\"" + q + "\",\"lang\":\"" + lang
                + "\",\"results\":" + results + ",\"opened\":\"" + url + "\",\"rank\":1}";
    }

    private Path log(String... lines) throws Exception {
        Path file = dir.resolve("search.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Path sampleLog() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(search("3", "withdrawl", "en", 0));
        lines.add(search("3", "  Withdrawl ", "en", 0));
        lines.add(search("4", "WITHDRAWL", "en", 0));
        lines.add(search("4", "withdrawl  pending", "en", 0));
        lines.add(search("5", "withdrawl pending", "en", 0));
        lines.add(search("5", "verifcation", "en", 0));
        lines.add(search("5", "staking", "en", 0));
        lines.add(search("5", "fe", "en", 0));
        lines.add(search("3", "withdrawal pending", "en", 2));
        lines.add(open("3", "withdrawal pending", "en", 2, "/en/withdrawals/"));
        lines.add(search("4", "withdrawal pending", "en", 2));
        lines.add(search("4", "network fee", "en", 1));
        lines.add(search("5", "Network  Fee", "en", 1));
        lines.add(search("5", "<script>alert(1)</script>", "en", 0));
        lines.add(search("3", "币卡住了", "zh-CN", 0));
        lines.add(search("3", "提币", "zh-CN", 3));
        return log(lines.toArray(String[]::new));
    }

    private SearchReport.LocaleReport locale(SearchReport.Result result, String code) {
        return result.report().locales().stream().filter(l -> l.locale().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void queriesAreGroupedByTheirNormalFormAndTheMostMissedComeFirst() throws Exception {
        SearchReport.Result result = Pharos.reportSearches(SearchReport.Options.of(List.of(sampleLog()), dir.resolve("out")));
        SearchReport.LocaleReport en = locale(result, "en");
        assertThat(en.searches()).isEqualTo(13);
        assertThat(en.misses()).isEqualTo(9);
        assertThat(en.opened()).isEqualTo(1);
        assertThat(en.noResults()).extracting(SearchReport.QueryCount::query, SearchReport.QueryCount::searches)
                .startsWith(org.assertj.core.groups.Tuple.tuple("withdrawl", 3),
                        org.assertj.core.groups.Tuple.tuple("withdrawl pending", 2));
        assertThat(SearchReport.normalise("  ＷＩＴＨＤＲＡＷ\u3000 Fee ")).isEqualTo("withdraw fee");
    }

    @Test
    void queriesWithResultsNobodyOpenedAreListedApartFromOpenedOnes() throws Exception {
        SearchReport.Result result = Pharos.reportSearches(SearchReport.Options.of(List.of(sampleLog()), dir.resolve("out")));
        assertThat(locale(result, "en").notOpened()).containsExactly(new SearchReport.QueryCount("network fee", 2, 1));
        assertThat(locale(result, "zh-CN").notOpened()).containsExactly(new SearchReport.QueryCount("提币", 1, 3));
        assertThat(locale(result, "zh-CN").noResults()).containsExactly(new SearchReport.QueryCount("币卡住了", 1, 0));
    }

    @Test
    void missesAreCountedPerDayAndChartedWhenTheLogSpansSeveralDays() throws Exception {
        SearchReport.Result result = Pharos.reportSearches(SearchReport.Options.of(List.of(sampleLog()), dir.resolve("out")));
        SearchReport.LocaleReport en = locale(result, "en");
        assertThat(en.days()).containsExactly(new SearchReport.DayCount("2026-11-03", 3, 2),
                new SearchReport.DayCount("2026-11-04", 4, 2), new SearchReport.DayCount("2026-11-05", 6, 5));
        assertThat(en.chart().bars()).extracting(SearchReport.Bar::misses).containsExactly(2, 2, 5);
        // The tallest bar is the most misses; heights follow the counts.
        assertThat(en.chart().bars().get(2).height()).isGreaterThan(en.chart().bars().get(0).height());
        assertThat(en.chart().bars().get(0).height()).isEqualTo(en.chart().bars().get(1).height());
        // zh-CN searched on one day only, but the report spans three: its days are there, with zeros.
        assertThat(locale(result, "zh-CN").days()).extracting(SearchReport.DayCount::misses).containsExactly(1, 0, 0);

        SearchReport.Result oneDay = Pharos.reportSearches(SearchReport.Options.of(
                List.of(log(search("3", "withdrawl", "en", 0))), dir.resolve("one")));
        assertThat(locale(oneDay, "en").chart()).isNull();
        assertThat(Files.readString(oneDay.html())).doesNotContain("<svg").contains("Run with <code>--source</code>")
                .doesNotContain("Suggested synonyms");
    }

    @Test
    void synonymLinesAreSuggestedForMissedWordsOneEditFromTheIndexOrAGroup() throws Exception {
        SearchReport.Result result = Pharos.reportSearches(
                SearchReport.Options.of(List.of(sampleLog()), dir.resolve("out")).withSource(content));
        SearchReport.LocaleReport en = locale(result, "en");
        assertThat(en.synonymsFile()).isEqualTo("synonyms/en.txt");
        // "withdrawl" is one edit from "withdrawal", which is in a group: it joins the group's line (line 2).
        // "verifcation" is one edit from the indexed "verification": a new line. "staking" is one edit from
        // "taking" but not after the first letter; "fe" is too short; the draft's "staking" is not indexed.
        assertThat(en.suggestions()).containsExactly(
                new SearchReport.Suggestion("withdraw, withdrawal, cash out, withdrawl", "withdrawl", "withdraw", 2, 5,
                        "withdrawl"),
                new SearchReport.Suggestion("verifcation, verification", "verifcation", "verification", 0, 1,
                        "verifcation"));
        assertThat(locale(result, "zh-CN").suggestions()).isEmpty();
        String html = Files.readString(result.html());
        assertThat(html).contains("<code>withdraw, withdrawal, cash out, withdrawl</code>", "replace line 2",
                "<code>verifcation, verification</code>", "new line");
    }

    @Test
    void aWordOneEditFromASynonymTheArticlesNeverUseJoinsItsGroup() throws Exception {
        // "cash out" is only in synonyms/en.txt, not in any article; "cashout" is one edit from it.
        SearchReport.Result result = Pharos.reportSearches(SearchReport.Options.of(
                List.of(log(search("3", "cashout", "en", 0), search("4", "cashout fee", "en", 0))), dir.resolve("out"))
                .withSource(content));
        assertThat(locale(result, "en").suggestions()).containsExactly(new SearchReport.Suggestion(
                "withdraw, withdrawal, cash out, cashout", "cashout", "cash out", 2, 2, "cashout"));
    }

    @Test
    void accessLoggedSearchesCountAsMissesWhenNoWordIsInTheIndex() throws Exception {
        Path access = dir.resolve("access.log");
        Files.writeString(access, String.join("\n",
                "203.0.113.9 - - [05/Nov/2026:10:00:00 +0000] \"GET /en/search/?q=staking+rewards HTTP/1.1\" 200 9000 \"-\" \"x\"",
                "203.0.113.9 - - [05/Nov/2026:10:00:01 +0000] \"GET /en/search/?q=how+do+I+withdraw HTTP/1.1\" 200 9000 \"-\" \"x\"",
                "203.0.113.9 - - [05/Nov/2026:10:00:02 +0000] \"GET /en/search/?q=cash+out HTTP/1.1\" 200 9000 \"-\" \"x\"") + "\n");
        SearchReport.LocaleReport without = locale(Pharos.reportSearches(
                SearchReport.Options.of(List.of(access), dir.resolve("a"))), "en");
        assertThat(without.misses()).isZero();
        assertThat(without.unknownResults()).isEqualTo(3);
        SearchReport.LocaleReport with = locale(Pharos.reportSearches(
                SearchReport.Options.of(List.of(access), dir.resolve("b")).withSource(content)), "en");
        assertThat(with.noResults()).containsExactly(new SearchReport.QueryCount("staking rewards", 1, 0));
        assertThat(with.unknownResults()).isEqualTo(2);
    }

    @Test
    void theHtmlIsSelfContainedEscapedAndTheJsonCarriesTheSameData() throws Exception {
        SearchReport.Result result = Pharos.reportSearches(
                SearchReport.Options.of(List.of(sampleLog()), dir.resolve("out")).withSource(content));
        String html = Files.readString(result.html());
        assertThat(html).startsWith("<!doctype html>").contains("<svg", "withdrawl pending", "币卡住了")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script")
                .doesNotContainPattern("(?:src|href)=\"(?:https?:)?//").doesNotContain("@import", "url(");
        JsonNode json = new ObjectMapper().readTree(result.json().toFile());
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.path("from").asText()).isEqualTo("2026-11-03");
        assertThat(json.path("to").asText()).isEqualTo("2026-11-05");
        assertThat(json.path("locales").get(0).path("locale").asText()).isEqualTo("en");
        assertThat(json.path("locales").get(0).path("noResults").get(0).path("query").asText()).isEqualTo("withdrawl");
        assertThat(json.path("locales").get(0).path("suggestions").get(0).path("replaces").asInt()).isEqualTo(2);
    }

    @Test
    void theSameLogsWriteTheSameBytes() throws Exception {
        Path log = sampleLog();
        SearchReport.Result first = Pharos.reportSearches(SearchReport.Options.of(List.of(log), dir.resolve("one")).withSource(content));
        SearchReport.Result second = Pharos.reportSearches(SearchReport.Options.of(List.of(log), dir.resolve("two")).withSource(content));
        assertThat(Files.readAllBytes(second.html())).isEqualTo(Files.readAllBytes(first.html()));
        assertThat(Files.readAllBytes(second.json())).isEqualTo(Files.readAllBytes(first.json()));
    }

    @Test
    void aFolderWithoutPharosYmlIsNotAContentRoot() throws Exception {
        Path log = sampleLog();
        assertThatThrownBy(() -> Pharos.reportSearches(SearchReport.Options.of(List.of(log), dir.resolve("out"))
                .withSource(dir.resolve("nothing"))))
                .isInstanceOf(PharosException.class)
                .hasMessageContaining("no pharos.yml here; --source must be the content root");
    }

    @Test
    void theRepositorysSampleLogsMakeAReport() throws Exception {
        Path repo = TestSites.sampleContent().getParent();
        SearchReport.Result result = Pharos.reportSearches(SearchReport.Options.of(
                List.of(repo.resolve("docs/examples/search-log.jsonl"), repo.resolve("docs/examples/access.log")),
                dir.resolve("out")).withSource(TestSites.sampleContent()));
        assertThat(result.report().locales()).extracting(SearchReport.LocaleReport::locale).containsExactly("en", "zh-CN");
        assertThat(result.report().badLines()).isEqualTo(1);
        assertThat(locale(result, "en").days()).hasSize(7);
        assertThat(locale(result, "en").suggestions()).extracting(SearchReport.Suggestion::words)
                .contains("withdrawl", "verifcation");
    }
}
