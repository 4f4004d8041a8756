package dev.pharos.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Problem;
import dev.pharos.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path dir;

    private Site load(boolean drafts) {
        return ContentLoader.load(dir, new ContentLoader.Options(drafts, TestSites.TODAY));
    }

    private List<String> messages(Site site) {
        return site.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void infersLocalesFromFolderNamesWhenThereIsNoConfig() {
        TestSites.at(dir)
                .page("en/a.md", "title: A", "text")
                .page("zh/a.md", "title: 甲", "文本")
                .page("zh_TW/a.md", "title: 甲", "文本")
                .page("docs/readme.md", "title: not a locale", "")
                .page("target/x.md", "title: build output", "");
        Site site = load(false);

        assertThat(site.config().locales()).extracting(LocaleInfo::code).containsExactly("en", "zh", "zh-TW");
        assertThat(site.config().defaultLocale()).isEqualTo("en");
        assertThat(site.page("zh-TW", "a")).map(Page::url).contains("/zh-TW/a/");
        assertThat(site.pages()).noneMatch(p -> p.source() != null && p.source().startsWith("docs/"));
        assertThat(site.problems()).isEmpty();
    }

    @Test
    void frontMatterKeysIgnoreCaseAndBareDatesAreDates() {
        TestSites.at(dir).page("en/guide.md", """
                Title: Withdraw crypto
                Description: How to send coins out.
                Weight: 3
                lastmod: 2026-10-14
                tags: [withdrawals, networks]
                customKey: kept for templates
                """, "Body.");
        Page page = load(false).page("en", "guide").orElseThrow();

        assertThat(page.title()).isEqualTo("Withdraw crypto");
        assertThat(page.description()).isEqualTo("How to send coins out.");
        assertThat(page.weight()).isEqualTo(3);
        assertThat(page.lastmod()).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(page.tags()).containsExactly("withdrawals", "networks");
        assertThat(page.params()).containsEntry("customkey", "kept for templates")
                .containsEntry("lastmod", LocalDate.of(2026, 10, 14));
    }

    @Test
    void sectionsBundlesAndNesting() {
        TestSites.at(dir)
                .page("en/_index.md", "title: Help", "")
                .page("en/funds/_index.md", "title: Funds\nicon: wallet\nweight: 2\nurgent: true", "Intro.")
                .page("en/funds/crypto/deposit.md", "title: Deposit", "x")
                .page("en/funds/app/index.md", "title: The app", "![map](map.svg)")
                .file("en/funds/app/map.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='20'/>")
                .page("en/Best Practice/Tips & Tricks.md", "title: Tips", "x");
        Site site = load(false);

        Page funds = site.page("en", "funds").orElseThrow();
        assertThat(funds.kind()).isEqualTo(PageKind.SECTION);
        assertThat(funds.icon()).isEqualTo("wallet");
        assertThat(funds.urgent()).isTrue();
        // A folder without _index.md is still a section, titled from its name.
        assertThat(site.page("en", "funds/crypto")).map(Page::title).contains("Crypto");
        assertThat(site.page("en", "funds/crypto/deposit")).map(Page::sectionId).contains("funds/crypto");
        Page bundle = site.page("en", "funds/app").orElseThrow();
        assertThat(bundle.kind()).isEqualTo(PageKind.ARTICLE);
        assertThat(bundle.url()).isEqualTo("/en/funds/app/");
        assertThat(site.resources()).extracting(Resource::outputPath).contains("en/funds/app/map.svg");
        assertThat(site.page("en", "best-practice/tips-tricks")).map(Page::url).contains("/en/best-practice/tips-tricks/");
        assertThat(site.ancestors(site.page("en", "funds/crypto/deposit").orElseThrow()))
                .extracting(Page::id).containsExactly("", "funds", "funds/crypto");
    }

    @Test
    void draftsAndFuturePagesAreLeftOutUnlessAskedFor() {
        TestSites.at(dir)
                .page("en/wip.md", "title: WIP\ndraft: true", "x")
                .page("en/later.md", "title: Later\npublishDate: 2027-01-01", "x")
                .page("en/now.md", "title: Now\npublishDate: 2026-11-01", "x");
        assertThat(load(false).pages("en")).extracting(Page::id).contains("now").doesNotContain("wip", "later");
        Site preview = load(true);
        assertThat(preview.pages("en")).extracting(Page::id).contains("now", "wip", "later");
        assertThat(preview.page("en", "wip")).map(Page::draft).contains(true);
    }

    @Test
    void missingTranslationsFallBackWithTheDefaultLocaleText() {
        TestSites.at(dir)
                .file("pharos.yml", "locales: [en, zh-CN]\n")
                .page("en/a.md", "title: Only in English", "text")
                .page("en/b.md", "title: Both", "text")
                .page("zh-CN/b.md", "title: 都有", "文本");
        Site site = load(false);

        Page fallback = site.page("zh-CN", "a").orElseThrow();
        assertThat(fallback.fallback()).isTrue();
        assertThat(fallback.contentLocale()).isEqualTo("en");
        assertThat(fallback.url()).isEqualTo("/zh-CN/a/");
        assertThat(site.page("zh-CN", "b")).map(Page::fallback).contains(false);

        TestSites.at(dir).file("pharos.yml", "locales: [en, zh-CN]\nfallback: skip\n");
        assertThat(load(false).page("zh-CN", "a")).isEmpty();
    }

    @Test
    void aliasesBecomeSitePathsUnderTheBasePath() {
        TestSites.at(dir)
                .file("pharos.yml", "baseUrl: https://example.com/help/\nlocales: [en]\n")
                .page("en/new.md", "title: New\naliases: [/en/old/, older]", "x");
        Page page = load(false).page("en", "new").orElseThrow();
        assertThat(page.url()).isEqualTo("/help/en/new/");
        assertThat(page.aliases()).containsExactly("/help/en/old/", "/help/en/older/");
    }

    @Test
    void aTitleCanComeFromTheFirstHeading() {
        TestSites.at(dir).file("en/tar.md", "# tar\n\n> Archiving utility.\n\n- List: `tar tvf {{path/to/file}}`\n");
        Site site = load(false);
        Page page = site.page("en", "tar").orElseThrow();
        assertThat(page.title()).isEqualTo("tar");
        assertThat(page.markdown()).doesNotContain("# tar").contains("{{path/to/file}}");
        assertThat(site.problems()).isEmpty();
    }

    @Test
    void brokenFrontMatterIsAnErrorWithFileAndLine() {
        TestSites.at(dir).page("en/fees.md", "title: Fees: how much?\nweight: 1", "x");
        assertThat(messages(load(false))).containsExactly(
                "en/fees.md:2: error: front matter is not valid YAML: a value contains ': ' - put quotes around it"
                        + " (title: \"Deposits: how long?\")");
    }

    @Test
    void unclosedFrontMatterAndWrongTypesAreErrors() {
        TestSites.at(dir)
                .file("en/open.md", "---\ntitle: Never closed\n\nBody")
                .page("en/typed.md", "title: Typed\nweight: heavy\ndraft: maybe\ndate: yesterday", "x");
        List<String> messages = messages(load(false));
        assertThat(messages).contains("en/open.md:1: error: front matter starts with '---' on line 1 but is never closed;"
                + " add a '---' line after it");
        assertThat(messages).contains("en/typed.md:3: error: 'weight' must be a whole number, not 'heavy'",
                "en/typed.md:4: error: 'draft' must be true or false, not 'maybe'",
                "en/typed.md:5: error: 'date' must be a date like 2026-03-01, not 'yesterday'");
    }

    @Test
    void aMissingTitleIsAWarningAndThePageIsStillBuilt() {
        TestSites.at(dir).page("en/no-title.md", "weight: 1", "Just text.");
        Site site = load(false);
        assertThat(site.page("en", "no-title")).map(Page::title).contains("No title");
        assertThat(messages(site)).containsExactly("en/no-title.md:1: warning: no title: using 'No title' from the file"
                + " name; add 'title: ...' to the front matter");
    }

    @Test
    void aLocaleFolderMissingFromTheConfigIsAnError() {
        TestSites.at(dir)
                .file("pharos.yml", "locales:\n  - code: en\n")
                .page("en/a.md", "title: A", "x")
                .page("fr/a.md", "title: A", "x");
        assertThat(messages(load(false))).containsExactly("fr/: error: folder 'fr' looks like a locale but is not in the"
                + " 'locales' list of pharos.yml; add it there or rename the folder");
    }

    @Test
    void twoFilesWithOneUrlAreAnError() {
        TestSites.at(dir)
                .page("en/Reset Password.md", "title: One", "x")
                .page("en/reset-password.md", "title: Two", "x");
        assertThat(messages(load(false))).singleElement().asString()
                .contains("error: same URL /en/reset-password/ as ");
    }

    @Test
    void anAliasThatIsAnotherPagesUrlIsAnError() {
        TestSites.at(dir)
                .page("en/a.md", "title: A", "x")
                .page("en/b.md", "title: B\naliases: [/en/a/]", "x");
        assertThat(messages(load(false))).containsExactly("en/b.md: error: alias /en/a/ is the URL of en/a.md; remove the alias");
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheLine() {
        byte[] text = "---\ntitle: Latin-1\n---\nline four\ncaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        TestSites.at(dir).bytes("en/latin1.md", text);
        assertThat(messages(load(false))).singleElement().asString()
                .startsWith("en/latin1.md:5: error: the file is not valid UTF-8 (byte 0xE9");
    }

    @Test
    void aBrokenLinkInsteadOfAFileIsReported() throws Exception {
        TestSites.at(dir).page("en/a.md", "title: A", "x");
        Files.createSymbolicLink(dir.resolve("en/gone.md"), dir.resolve("en/nowhere.md"));
        assertThat(messages(load(false))).containsExactly(
                "en/gone.md: error: cannot read the file: it is a link to nothing (" + dir.resolve("en/nowhere.md") + ")");
    }

    @Test
    void configMistakesNameTheLineAndSuggestTheKey() {
        TestSites.at(dir)
                .file("pharos.yml", "title: Help\nbaseurl: https://help.example.com\nfalback: skip\ndefaultLocale: de\nlocales: [en]\n")
                .page("en/a.md", "title: A", "x");
        List<String> messages = messages(load(false));
        assertThat(messages).contains("pharos.yml:3: warning: unknown key 'falback' (did you mean 'fallback'?); it is kept"
                + " and passed to templates");
        assertThat(messages).contains("pharos.yml:4: error: defaultLocale 'de' is not one of the locales [en]");
    }

    @Test
    void anEditLinkThatWouldRunScriptIsRefused() {
        // Found by e2e/tests/xss.test.js: "Edit this page" became href="javascript:..." on every article.
        TestSites.at(dir)
                .file("pharos.yml", "title: Help\nlocales: [en]\neditUrl: \" JaVa\\tScRiPt:alert(1)//{path}\"\n")
                .page("en/a.md", "title: A", "x");
        assertThat(messages(load(false))).contains("pharos.yml:3: error: 'JaVa\\tScRiPt:alert(1)//{path}' is a javascript:"
                + " link, which would run in the reader's browser; use an https:// (or http://, mailto:, tel:) link or a path on this site");
    }

    @Test
    void symbolOnlyFileNamesGetDistinctUrls() {
        TestSites.at(dir)
                .file("en/common/!.md", "# !\n")
                .file("en/common/[[.md", "# [[\n")
                .file("en/common/clang.md", "# clang\n")
                .file("en/common/clang++.md", "# clang++\n");
        Site site = load(false);
        assertThat(site.problems()).isEmpty();
        assertThat(site.pages("en")).extracting(Page::url)
                .contains("/en/common/u21/", "/en/common/u5b-u5b/", "/en/common/clang/", "/en/common/clang++/");
    }
}
