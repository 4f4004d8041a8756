package dev.pharos.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.TestSites;
import dev.pharos.check.CheckOptions;
import dev.pharos.check.CheckReport;
import dev.pharos.cli.PharosCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZendeskImportTest {

    @TempDir
    Path tmp;

    private ZendeskImport.Options http(FakeZendesk server, Path to) {
        return ZendeskImport.Options.of(to).withSubdomain("tidewell").withUrl(server.url())
                .withCredentials(FakeZendesk.EMAIL, FakeZendesk.TOKEN);
    }

    @Test
    void importsTheApiIntoASiteThatBuildsAndKeepsTheOldUrls() throws Exception {
        ZendeskFixture fixture = ZendeskFixture.write(tmp.resolve("export"));
        Path content = tmp.resolve("content");
        ZendeskImport.Result result;
        try (FakeZendesk server = new FakeZendesk(fixture.root())) {
            result = Pharos.importZendesk(http(server, content));
            assertThat(server.tooManyRequests).hasValue(1);
            assertThat(server.requests).contains("/api/v2/help_center/en-us/articles.json?page=3&per_page=10");
            assertThat(server.requests).contains("/api/v2/help_center/en-us/sections.json?cursor=6");
        }
        // 23 articles in en, 22 in zh-CN (one has no translation).
        assertThat(result.articles()).isEqualTo(45);
        assertThat(result.updated()).isEmpty();
        assertThat(result.kept()).isEmpty();
        assertThat(result.written()).contains("pharos.yml", "en/account-and-security/_index.md",
                "zh-CN/account-and-security/_index.md", "en/deposits-and-withdrawals/crypto-deposits/networks/_index.md",
                "en/account-and-security/sign-in-and-2fa/reset-your-password.md",
                "zh-CN/account-and-security/sign-in-and-2fa/reset-your-password.md",
                "en/deposits-and-withdrawals/crypto-deposits/networks/choose-the-right-network/index.md",
                "en/deposits-and-withdrawals/crypto-deposits/networks/choose-the-right-network/network-picker.png",
                "zh-CN/deposits-and-withdrawals/crypto-deposits/networks/choose-the-right-network/network-picker.png",
                // Two articles with one title in one section: the second takes its id.
                "en/deposits-and-withdrawals/withdrawals/withdrawal-faq.md",
                "en/deposits-and-withdrawals/withdrawals/withdrawal-faq-360000216.md");
        assertThat(content.resolve("zh-CN/account-and-security/verification/tax-reports-for-uk-residents.md")).doesNotExist();
        assertThat(content.resolve("en/account-and-security/verification/tax-reports-for-uk-residents.md")).exists();
        assertThat(result.warnings()).extracting(Problem::toString).contains("en/account-and-security/verification/"
                + "tax-reports-for-uk-residents.md: warning: article 360000106 is restricted to a user segment in Zendesk;"
                + " imported like any other, it will be public: delete it or add 'draft: true' if it must stay private");
        assertThat(result.warnings()).extracting(Problem::toString).anySatisfy(w -> assertThat(w)
                .startsWith("en/trading/spot-trading/video-your-first-trade.md: warning: <iframe> in article 360000105"));

        String category = TestSites.read(content.resolve("zh-CN/account-and-security/_index.md"));
        assertThat(category).isEqualTo("---\ntitle: \"账户与安全\"\ndescription: \"登录、双重验证与身份认证\"\nweight: 1\n"
                + "aliases:\n  - \"/hc/zh-cn/categories/1001-账户与安全\"\n  - \"/hc/zh-cn/categories/1001\"\n---\n");
        // A section Zendesk has not translated: the default name, without the default page's old URL.
        assertThat(TestSites.read(content.resolve("zh-CN/deposits-and-withdrawals/crypto-deposits/networks/_index.md")))
                .isEqualTo("---\ntitle: \"Networks\"\nweight: 1\n---\n");
        // Links to other articles become relative links to their files; to the default language's when untranslated.
        assertThat(TestSites.read(content.resolve("en/account-and-security/sign-in-and-2fa/reset-your-password.md")))
                .contains("[turn on 2FA](turn-on-two-factor-authentication.md)", "[Lost your 2FA device](lost-your-2fa-device.md)");
        assertThat(TestSites.read(content.resolve("zh-CN/account-and-security/sign-in-and-2fa/reset-your-password.md")))
                .contains("[这篇文章](../../../en/account-and-security/verification/tax-reports-for-uk-residents.md)");
        String table = TestSites.read(content.resolve("en/deposits-and-withdrawals/withdrawals/withdrawal-fees-by-network.md"));
        assertThat(table).startsWith("---\ntitle: \"Withdrawal fees by network\"\nweight: 2\ntags: [\"fees\", \"withdrawal\"]\n"
                + "lastmod: 2026-09-12\naliases:\n  - \"/hc/en-us/articles/360000102-Withdrawal-fees-by-network\"\n"
                + "  - \"/hc/en-us/articles/360000102\"\n---\n");
        assertThat(table).contains("| USDT | Tron (TRC20)     | 1 USDT |");
        assertThat(TestSites.read(content.resolve("en/trading/spot-trading/order-types/sign-an-api-request.md")))
                .contains("```\necho -n \"symbol=BTCUSDT&ts=1700000000\"");
        assertThat(TestSites.read(content.resolve("en/deposits-and-withdrawals/crypto-deposits/networks/choose-the-right-network/index.md")))
                .contains("![Network picker](network-picker.png)");
        assertThat(Files.readAllBytes(content.resolve("en/deposits-and-withdrawals/crypto-deposits/networks/choose-the-right-network/network-picker.png")))
                .isEqualTo(ZendeskFixture.PNG);
        assertThat(TestSites.read(content.resolve("en/trading/spot-trading/staking-rewards.md"))).contains("\ndraft: true\n");
        assertThat(TestSites.read(content.resolve("en/trading/spot-trading/video-your-first-trade.md")))
                .contains("\n<iframe src=\"https://www.youtube.com/embed/tidewell-first-trade\"");
        assertThat(TestSites.read(content.resolve("pharos.yml"))).contains("defaultLocale: en\n", "  - code: zh-CN\n");

        BuildResult built = Pharos.build(TestSites.at(content).options(tmp.resolve("site")));
        assertThat(built.pages()).anySatisfy(p -> assertThat(p.url()).isEqualTo("/en/deposits-and-withdrawals/withdrawals/withdrawal-fees-by-network/"));
        Path alias = tmp.resolve("site/hc/en-us/articles/360000102-Withdrawal-fees-by-network/index.html");
        assertThat(alias).exists();
        assertThat(TestSites.read(alias)).contains("/en/deposits-and-withdrawals/withdrawals/withdrawal-fees-by-network/");
        assertThat(tmp.resolve("site/hc/en-us/articles/360000102/index.html")).exists();
        assertThat(tmp.resolve("site/hc/en-us/sections/2005/index.html")).exists();
        assertThat(tmp.resolve("site/hc/zh-cn/articles/360000102-各网络的提币手续费/index.html")).exists();

        CheckReport check = Pharos.check(CheckOptions.of(content).withToday(TestSites.TODAY).withGit(false));
        assertThat(check.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
        assertThat(check.errors()).isZero();
    }

    @Test
    void aSecondImportUpdatesChangedArticlesAndKeepsLocalEdits() throws Exception {
        ZendeskFixture fixture = ZendeskFixture.write(tmp.resolve("export"));
        Path content = tmp.resolve("content");
        try (FakeZendesk server = new FakeZendesk(fixture.root())) {
            Pharos.importZendesk(http(server, content));
            String reset = "en/account-and-security/sign-in-and-2fa/reset-your-password.md";
            String edited = "en/trading/spot-trading/trading-fees.md";
            Files.writeString(content.resolve(edited), TestSites.read(content.resolve(edited)) + "\nA writer's note.\n");
            // Renamed in Zendesk too: the file stays where it is, so its URL does.
            fixture.editResetArticle("Reset a forgotten password",
                    "<p>Tap <strong>Forgot password</strong>; the link in the email works for 30 minutes.</p>");

            ZendeskImport.Result second = Pharos.importZendesk(http(server, content));
            assertThat(second.written()).isEmpty();
            assertThat(second.updated()).containsExactly(reset);
            assertThat(second.kept()).containsExactly(edited);
            assertThat(second.warnings()).extracting(Problem::toString).contains(edited
                    + ": warning: edited here since the last import; left as it is (--overwrite replaces it with Zendesk's text)");
            assertThat(TestSites.read(content.resolve(reset))).contains("title: \"Reset a forgotten password\"",
                    "works for 30 minutes", "aliases:\n  - \"/hc/en-us/articles/360000110-Reset-a-forgotten-password\"\n"
                    + "  - \"/hc/en-us/articles/360000110\"\n  - \"/hc/en-us/articles/360000110-Reset-your-password\"\n---\n");
            assertThat(TestSites.read(content.resolve(edited))).endsWith("A writer's note.\n");

            // Still edited on the next run; --overwrite takes Zendesk's text.
            assertThat(Pharos.importZendesk(http(server, content)).kept()).containsExactly(edited);
            ZendeskImport.Result overwritten = Pharos.importZendesk(http(server, content).withOverwrite(true));
            assertThat(overwritten.updated()).containsExactly(edited);
            assertThat(TestSites.read(content.resolve(edited))).doesNotContain("A writer's note.");
        }
    }

    @Test
    void aSavedFolderGivesTheSameFilesAsTheApi() throws Exception {
        ZendeskFixture fixture = ZendeskFixture.write(tmp.resolve("export"));
        try (FakeZendesk server = new FakeZendesk(fixture.root())) {
            Pharos.importZendesk(http(server, tmp.resolve("from-api")));
        }
        Pharos.importZendesk(ZendeskImport.Options.of(tmp.resolve("from-folder")).withSubdomain("tidewell").withFrom(fixture.root()));
        Map<String, String> api = TestSites.digest(tmp.resolve("from-api"));
        assertThat(api).hasSizeGreaterThan(50);
        assertThat(TestSites.digest(tmp.resolve("from-folder"))).isEqualTo(api);
    }

    @Test
    void anImportThatStopsHalfwayCarriesOnNextTime() throws Exception {
        ZendeskFixture fixture = ZendeskFixture.write(tmp.resolve("export"));
        Path png = fixture.root().resolve("articles/" + ZendeskFixture.IMAGE_ARTICLE + "/attachments/network-picker.png");
        Files.delete(png);
        ZendeskImport.Options options = ZendeskImport.Options.of(tmp.resolve("c")).withFrom(fixture.root());
        assertThatThrownBy(() -> Pharos.importZendesk(options)).isInstanceOf(PharosException.class)
                .hasMessageStartingWith("articles/360000101/attachments/network-picker.png: error: missing in ");
        assertThat(tmp.resolve("c/en/trading/_index.md")).exists();

        Files.write(png, ZendeskFixture.PNG);
        ZendeskImport.Result again = Pharos.importZendesk(options);
        assertThat(again.kept()).isEmpty();
        assertThat(again.unchanged()).contains("en/trading/_index.md");
        assertThat(again.written()).contains("en/trading/spot-trading/trading-fees.md");
    }

    @Test
    void anExistingSiteConfigIsKeptAndItsMissingLocalesNamed() throws Exception {
        ZendeskFixture fixture = ZendeskFixture.write(tmp.resolve("export"));
        TestSites.at(tmp.resolve("c")).file("pharos.yml", "title: Tidewell Help\ndefaultLocale: en\nlocales: [en]\n");
        ZendeskImport.Result result = Pharos.importZendesk(ZendeskImport.Options.of(tmp.resolve("c")).withFrom(fixture.root()));
        assertThat(TestSites.read(tmp.resolve("c/pharos.yml"))).isEqualTo("title: Tidewell Help\ndefaultLocale: en\nlocales: [en]\n");
        assertThat(result.warnings()).extracting(Problem::toString).contains("pharos.yml: warning: no locale 'zh-CN'"
                + " (Zendesk's zh-cn), which the import wrote to zh-CN/: add it under locales, or map it with"
                + " --locale-map zh-cn=<a locale of the site>");
    }

    @Test
    void aRefusedTokenIsAClearErrorNamingTheUrl() throws Exception {
        ZendeskFixture fixture = ZendeskFixture.write(tmp.resolve("export"));
        try (FakeZendesk server = new FakeZendesk(fixture.root())) {
            assertThatThrownBy(() -> Pharos.importZendesk(http(server, tmp.resolve("c")).withCredentials(FakeZendesk.EMAIL, "wrong")))
                    .isInstanceOf(PharosException.class)
                    .hasMessage("error: GET " + server.url() + "/api/v2/help_center/locales.json answered 401 (Unauthorized):"
                            + " check ZENDESK_EMAIL and ZENDESK_API_TOKEN (an agent's email and an API token from Admin Center"
                            + " > Apps and integrations > Zendesk API)");
        }
    }

    @Test
    void theCommandLineImportsAFolderAndReportsAMissingHelpCenter() throws Exception {
        ZendeskFixture fixture = ZendeskFixture.write(tmp.resolve("export"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PharosCommand.run(new PrintWriter(out), new PrintWriter(err), "import", "zendesk", "--from",
                fixture.root().toString(), "--to", tmp.resolve("c").toString(), "--locale-map", "zh-cn=zh-Hans");
        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).startsWith("Imported 45 articles into " + tmp.resolve("c") + ": ");
        assertThat(err.toString()).contains("en/trading/spot-trading/video-your-first-trade.md: warning: <iframe>");
        assertThat(tmp.resolve("c/zh-Hans/trading/_index.md")).exists();

        try (FakeZendesk server = new FakeZendesk(fixture.root())) {
            StringWriter err2 = new StringWriter();
            int failed = PharosCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), "import", "zendesk",
                    "--url", server.url() + "/missing", "--to", tmp.resolve("d").toString());
            assertThat(failed).isEqualTo(1);
            assertThat(err2.toString()).contains("error: GET " + server.url() + "/missing/api/v2/help_center/locales.json answered")
                    .doesNotContain("Exception");
            assertThat(tmp.resolve("d")).doesNotExist();
        }
    }

    @Test
    void zendeskLocalesBecomeBcp47() throws Exception {
        assertThat(ZendeskImport.pharosLocale("en-us", Map.of())).isEqualTo("en");
        assertThat(ZendeskImport.pharosLocale("zh-cn", Map.of())).isEqualTo("zh-CN");
        assertThat(ZendeskImport.pharosLocale("pt-br", Map.of())).isEqualTo("pt-BR");
        assertThat(ZendeskImport.pharosLocale("de", Map.of())).isEqualTo("de");
        assertThat(ZendeskImport.pharosLocale("en-us", ZendeskImport.parseLocaleMap("en-us=en-US"))).isEqualTo("en-US");
        assertThatThrownBy(() -> ZendeskImport.parseLocaleMap("en-us")).hasMessageContaining("'en-us' is not zendesk=pharos");
    }
}
