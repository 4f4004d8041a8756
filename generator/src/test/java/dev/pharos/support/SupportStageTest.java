package dev.pharos.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.BuildResult;
import dev.pharos.Problem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support stage on a real two-locale site: links, checklists, channels, banner, pages and data files. */
class SupportStageTest {

    @TempDir
    static Path dir;
    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        Path root = SupportSites.site(dir, SupportSites.SUPPORT);
        out = dir.resolve("out");
        result = SupportSites.build(root, out);
    }

    static Document page(String path) {
        return Jsoup.parse(SupportSites.read(out, path));
    }

    /** The query of a URL, decoded (values keep their line breaks). */
    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            // URLDecoder would read '+' as a space; RFC 3986 encoding has none, so protect literal pluses.
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void anArticleEndsWithItsSectionsTicketLinkAndChecklist() {
        Document doc = page("en/wallet/pending/index.html");
        Element link = doc.selectFirst(".still-need-help a[data-ticket-link=withdrawals]");
        assertThat(link).isNotNull();
        String href = link.attr("href");
        assertThat(href).startsWith("https://acme.zendesk.com/hc/en-us/requests/new?ticket_form_id=111&tf_subject=");
        Map<String, String> q = query(href);
        assertThat(q.get("tf_subject")).isEqualTo("Withdrawals: Pending & stuck: why?");
        assertThat(q.get("tf_description")).isEqualTo("""
                Problem:

                UID:
                Withdrawal ID or TxID:
                Screenshot: attach it to the ticket

                Help article: https://help.example.com/en/wallet/pending/
                Language: English (en)""");
        assertThat(q.get("tf_222")).isEqualTo("wd");
        assertThat(doc.select(".still-need-help .ticket-checklist label").eachText())
                .containsExactly("UID", "Withdrawal ID or TxID", "Screenshot screenshot or file");
    }

    @Test
    void chineseReadersGetChineseBlanksAndTheirZendeskLocale() {
        Document doc = page("zh-CN/wallet/pending/index.html");
        String href = doc.selectFirst(".still-need-help a[data-ticket-link]").attr("href");
        assertThat(href).startsWith("https://acme.zendesk.com/hc/zh-cn/requests/new?");
        Map<String, String> q = query(href);
        assertThat(q.get("tf_subject")).isEqualTo("提币：提币为什么还在处理中？");
        assertThat(q.get("tf_description")).isEqualTo("""
                问题：

                用户 ID：
                提币 ID 或 TxID：
                截图：请作为附件上传

                帮助文章：https://help.example.com/zh-CN/wallet/pending/
                语言：简体中文 (zh-CN)""");
    }

    @Test
    void channelsAreOrderedByResponseTimeAndFilteredByCategoryAndLocale() {
        assertThat(page("en/wallet/pending/index.html").select(".still-need-help tr[data-channel]").eachAttr("data-channel"))
                .containsExactly("chat", "ticket", "email");
        assertThat(page("en/security/hacked/index.html").select(".still-need-help tr[data-channel]").eachAttr("data-channel"))
                .containsExactly("chat", "callback", "ticket", "email");
        assertThat(page("zh-CN/contact/index.html").select("tr[data-channel]").eachAttr("data-channel"))
                .containsExactly("chat", "callback", "ticket", "email", "group");
        Element ticket = page("en/wallet/pending/index.html").selectFirst("tr[data-channel=ticket] a");
        assertThat(ticket.attr("href")).contains("tf_222=wd");
        Element table = page("en/contact/index.html").selectFirst("table.channels");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Contact channels, fastest first");
        assertThat(table.select("thead th[scope=col]")).hasSize(3);
    }

    @Test
    void theEmergencyBannerShowsOnUrgentSectionsAndTheContactPageOnly() {
        assertThat(page("en/security/hacked/index.html").select("aside.emergency-banner").text()).contains("Hacked? Freeze now");
        assertThat(page("en/security/index.html").select("body > aside.emergency-banner")).hasSize(1);
        assertThat(page("en/contact/index.html").select("body > aside.emergency-banner")).hasSize(1);
        assertThat(page("en/wallet/pending/index.html").select("body > aside.emergency-banner")).isEmpty();
        Element template = page("en/wallet/pending/index.html").selectFirst("template#pharos-emergency");
        assertThat(template.attr("data-triggers")).isEqualTo("[\"hacked\",\"stolen\",\"被盗\"]");
        Element banner = page("en/security/hacked/index.html").selectFirst("body > aside.emergency-banner");
        assertThat(banner.select("a").eachAttr("href"))
                .containsExactly("https://example.com/freeze", "tel:+15550100", "/en/security/hacked/");
    }

    @Test
    void aPageNamingAnUnknownCategoryGetsTheDefaultAndAWarningAtItsLine() {
        assertThat(result.warnings().stream().map(Problem::toString)).contains(
                "en/security/odd.md:4: warning: ticket category 'withdrawl' is not in 'support.categories' of pharos.yml"
                        + " (did you mean 'withdrawals'?); the ticket link uses 'general'. Known: withdrawals, security, general");
        assertThat(page("en/security/odd/index.html").selectFirst("a[data-ticket-link]").attr("data-ticket-link"))
                .isEqualTo("general");
    }

    @Test
    void feedbackIsOnArticlesWithTheNotSolvedTicket() {
        Element feedback = page("en/wallet/pending/index.html").selectFirst("[data-feedback]");
        assertThat(feedback.attr("data-page")).isEqualTo("wallet/pending");
        assertThat(feedback.attr("data-locale")).isEqualTo("en");
        assertThat(feedback.hasAttr("data-endpoint")).isFalse();
        assertThat(feedback.hasAttr("hidden")).isTrue();
        Map<String, String> q = query(feedback.selectFirst("a[data-not-solved]").attr("href"));
        assertThat(q.get("tf_description")).startsWith("Problem: This article did not solve my problem.\n\nUID:");
        assertThat(page("en/wallet/index.html").select("[data-feedback]")).isEmpty();
    }

    @Test
    void theContactPageListsEveryTopicWithItsLinkForReadersWithoutJavaScript() throws Exception {
        Document doc = page("en/contact/index.html");
        assertThat(doc.select("[data-assistant-fallback] .ticket-topic h3").eachText()).containsExactly("Withdrawals", "Security", "Other");
        assertThat(doc.select("[data-assistant-fallback] a[data-ticket-link]").eachAttr("data-ticket-link"))
                .containsExactly("withdrawals", "security", "general");
        assertThat(doc.selectFirst("[data-assistant]").hasAttr("hidden")).isTrue();
        String dataUrl = doc.selectFirst("[data-assistant]").attr("data-tickets");
        assertThat(dataUrl).matches("/_pharos/support/tickets\\.en\\.[0-9a-f]{10}\\.json");
        JsonNode data = new ObjectMapper().readTree(SupportSites.read(out, dataUrl.substring(1)));
        assertThat(data.get("provider").get("type").asText()).isEqualTo("zendesk");
        assertThat(data.get("text").get("pair").asText()).isEqualTo("{0}: {1}");
        assertThat(data.get("categories").get(0).get("details").get(2).get("attach").asBoolean()).isTrue();
        assertThat(doc.select(".scam-notice").text()).contains("never ask for your password, 2FA codes, seed phrase");
    }

    @Test
    void theVerifyPageShowsTheOfficialListAndPassesItToTheChecker() throws Exception {
        Document doc = page("zh-CN/verify/index.html");
        assertThat(doc.title()).startsWith("核实官方渠道");
        assertThat(doc.select(".official-items li").eachText())
                .containsExactly("example.com", "任何以 @example.com 结尾的地址", "X: @acme", "+1 555 0100");
        Element form = doc.selectFirst("[data-verify]");
        JsonNode official = new ObjectMapper().readTree(form.attr("data-official"));
        assertThat(official.get("domains").get(0).asText()).isEqualTo("example.com");
        JsonNode strings = new ObjectMapper().readTree(form.attr("data-strings"));
        assertThat(strings.get("verdict.lookalike").asText()).startsWith("警告");
        assertThat(doc.selectFirst("[data-verify-result]").attr("aria-live")).isEqualTo("polite");
    }

    /**
     * What this stage writes is the same bytes on every build: its pages and data files whole, and its parts of
     * article pages. (Whole article pages are not compared here: their JSON-LD comes from the core templates.)
     */
    @Test
    void theBuildIsByteForByteRepeatable() throws Exception {
        Path again = dir.resolve("again");
        SupportSites.build(dir.resolve("content"), again);
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> mine = files.filter(Files::isRegularFile).map(out::relativize)
                    .filter(p -> p.toString().matches("(_pharos/support/.*|[^/]+/(contact|verify)/index\\.html)")).toList();
            assertThat(mine).hasSize(6);
            for (Path file : mine) {
                assertThat(Files.mismatch(out.resolve(file), again.resolve(file))).as(file.toString()).isEqualTo(-1L);
            }
        }
        for (String article : List.of("en/wallet/pending/index.html", "zh-CN/wallet/pending/index.html", "en/security/hacked/index.html")) {
            String parts = "body > aside.emergency-banner, template#pharos-emergency, [data-feedback], .still-need-help";
            assertThat(Jsoup.parse(SupportSites.read(again, article)).select(parts).outerHtml())
                    .isEqualTo(page(article).select(parts).outerHtml());
        }
    }

    @Test
    void aSiteWithoutSupportStillHasItsContactAndVerifyPages(@TempDir Path plain) throws Exception {
        Path root = plain.resolve("content");
        SupportSites.write(root, "pharos.yml", "title: Help\nlocales:\n  - code: en\n");
        SupportSites.write(root, "en/_index.md", "---\ntitle: Help\n---\n");
        SupportSites.write(root, "en/a.md", "---\ntitle: A\n---\nText.\n");
        SupportSites.build(root, plain.resolve("out"));
        Document contact = Jsoup.parse(SupportSites.read(plain.resolve("out"), "en/contact/index.html"));
        assertThat(contact.select(".notice").text()).isEqualTo("No contact channels are configured for this help center yet.");
        Document verify = Jsoup.parse(SupportSites.read(plain.resolve("out"), "en/verify/index.html"));
        assertThat(verify.select("[data-verify]")).isEmpty();
        assertThat(verify.select(".official-list .notice")).hasSize(1);
        assertThat(Jsoup.parse(SupportSites.read(plain.resolve("out"), "en/a/index.html")).select(".still-need-help")).isEmpty();
    }

    @Test
    void jiraTicketsShowTheTextToCopy(@TempDir Path jira) throws Exception {
        Path root = SupportSites.site(jira, SupportSites.SUPPORT.replace("""
                  provider: zendesk
                  zendesk:
                    subdomain: acme
                    formId: 111
                    categoryField: 222
                """, """
                  provider: jira
                  jira:
                    baseUrl: https://acme.atlassian.net
                    portalId: 3
                    requestTypeId: 12
                """));
        SupportSites.build(root, jira.resolve("out"));
        Document doc = Jsoup.parse(SupportSites.read(jira.resolve("out"), "en/wallet/pending/index.html"));
        assertThat(doc.selectFirst(".still-need-help a[data-ticket-link]").attr("href"))
                .isEqualTo("https://acme.atlassian.net/servicedesk/customer/portal/3/create/12");
        assertThat(doc.selectFirst(".still-need-help textarea.ticket-copy-text").wholeText())
                .startsWith("Withdrawals: Pending & stuck: why?\n\nProblem:\n\nUID:");
        assertThat(doc.selectFirst(".still-need-help button[data-copy]").hasAttr("hidden")).isTrue();
    }

    @Test
    void ticketLineFindsTheCategoryInFrontMatter() {
        assertThat(List.of(SupportSites.read(dir.resolve("content"), "en/security/odd.md").split("\n")).get(3))
                .isEqualTo("  category: withdrawl");
    }
}
