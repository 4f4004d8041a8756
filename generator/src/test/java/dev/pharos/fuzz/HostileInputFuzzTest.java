package dev.pharos.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pharos.Problem;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.Site;
import dev.pharos.html.HtmlPostProcessor;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.html.TextSection;
import dev.pharos.internal.TextFiles;
import dev.pharos.markdown.MarkdownRenderer;
import dev.pharos.render.Theme;
import dev.pharos.render.UiStrings;
import dev.pharos.search.Analysis;
import dev.pharos.search.SearchSettings;
import dev.pharos.search.Synonyms;
import dev.pharos.support.SupportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz targets for everything a writer or site owner hands Pharos as text (issue 13). The rule they check: bad input
 * becomes problems in a list (or a PharosException), never any other exception or error; Jazzer reports anything
 * thrown as a finding.
 *
 * <p>{@code mvn test} replays the inputs under {@code src/test/resources/dev/pharos/fuzz/HostileInputFuzzTestInputs/
 * <method>/} (every crash found so far, and seeds); {@code JAZZER_FUZZ=1} fuzzes one target: see bench/fuzz/README.md.
 * The file-based targets write each input into a content root in a temporary folder, as a writer's file would be.
 */
class HostileInputFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ContentLoader.Options OPTIONS = new ContentLoader.Options(false, TODAY);

    @TempDir
    static Path dir;

    private static Site site;
    private static Site trustedSite;
    private static Page page;
    private static Page trustedPage;
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final List<Analysis> ANALYSES = List.of(new Analysis(Analysis.Kind.ENGLISH),
            new Analysis(Analysis.Kind.CJK), new Analysis(Analysis.Kind.STANDARD));

    @BeforeAll
    static void sites() {
        site = pipelineSite(dir.resolve("pipeline"), false);
        trustedSite = pipelineSite(dir.resolve("trusted"), true);
        page = site.pages().stream().filter(p -> "en/a.md".equals(p.source())).findFirst().orElseThrow();
        trustedPage = trustedSite.pages().stream().filter(p -> "en/a.md".equals(p.source())).findFirst().orElseThrow();
        write(dir.resolve("frontmatter/pharos.yml"), "title: Fuzz\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("frontmatter/en/guide/other.md"), "---\ntitle: Other\n---\ntext\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("config/en/a.md"), "---\ntitle: A\n---\ntext\n".getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("strings/pharos.yml"), "title: Fuzz\n".getBytes(StandardCharsets.UTF_8));
    }

    private static Site pipelineSite(Path root, boolean trusted) {
        write(root.resolve("pharos.yml"), ("title: Fuzz\nlocales:\n  - code: en\n  - code: zh-CN\n"
                + (trusted ? "markdown:\n  trustedHtml: true\n" : "")).getBytes(StandardCharsets.UTF_8));
        write(root.resolve("en/a.md"), "---\ntitle: A\n---\ntext\n".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("en/guide/b.md"), "---\ntitle: B\n---\n## Part\ntext\n".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("zh-CN/guide/b.md"), "---\ntitle: 乙\n---\n## 部分\n文字\n".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("en/guide/pic.svg"), "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'/>"
                .getBytes(StandardCharsets.UTF_8));
        Site loaded = ContentLoader.load(root, OPTIONS);
        if (loaded.problems().stream().anyMatch(Problem::isError)) {
            throw new IllegalStateException("the fuzz site does not load: " + loaded.problems());
        }
        return loaded;
    }

    /** Front matter (and the body's first heading) of one article, through the content loader. */
    @FuzzTest(maxDuration = "2m")
    void frontMatter(byte[] input) {
        Path root = dir.resolve("frontmatter");
        write(root.resolve("en/guide/fuzzed.md"), input);
        Site loaded = ContentLoader.load(root, OPTIONS);
        loaded.pages().forEach(p -> p.url().length());
    }

    /** A page body through Markdown, HTML post-processing, text extraction and search analysis, both HTML modes. */
    @FuzzTest(maxDuration = "2m")
    void markdownPipeline(byte[] input) {
        String markdown = new String(input, StandardCharsets.UTF_8);
        process(site, withMarkdown(page, markdown));
        process(trustedSite, withMarkdown(trustedPage, markdown));
    }

    private static void process(Site on, Page body) {
        List<Problem> problems = new ArrayList<>();
        String html = MARKDOWN.render(body.markdown(), body.source(), body.bodyLine(), problems);
        ProcessedHtml processed = new HtmlPostProcessor(on).process(body, html, key -> key, problems);
        for (TextSection section : processed.sections()) {
            for (Analysis analysis : ANALYSES) {
                analysis.terms(section.heading());
                analysis.terms(section.text());
            }
        }
        processed.excerpt().length();
    }

    /** pharos.yml: the site config, and the sections the search and support stages read from it, and the theme. */
    @FuzzTest(maxDuration = "2m")
    void siteConfig(byte[] input) {
        Path root = dir.resolve("config");
        write(root.resolve("pharos.yml"), input);
        Site loaded = ContentLoader.load(root, OPTIONS);
        if (loaded.problems().stream().anyMatch(Problem::isError)) {
            return; // the build stops here with the problems
        }
        List<Problem> problems = new ArrayList<>();
        SearchSettings.read(loaded.config(), problems);
        loaded.config().section("support", problems)
                .ifPresent(support -> SupportConfig.parse(support, loaded.config(), problems));
        Theme theme = Theme.load(root, loaded.config().theme(), problems);
        for (LocaleInfo locale : loaded.config().locales()) {
            UiStrings.load(theme, locale.code(), problems);
        }
    }

    /** A locale's synonyms file, with each analyzer. */
    @FuzzTest(maxDuration = "2m")
    void synonyms(byte[] input) {
        String text;
        try {
            text = TextFiles.decode(input, "synonyms/en.txt");
        } catch (TextFiles.Unreadable e) {
            return; // reported as a problem with the file and line
        }
        for (Analysis analysis : ANALYSES) {
            Synonyms.parse(text, "synonyms/en.txt", analysis, new ArrayList<>());
        }
    }

    /** A theme's UI strings (themes/default/i18n/en.yml in the content root overrides the built-in ones). */
    @FuzzTest(maxDuration = "2m")
    void uiStrings(byte[] input) {
        Path root = dir.resolve("strings");
        write(root.resolve("themes/default/i18n/en.yml"), input);
        List<Problem> problems = new ArrayList<>();
        Theme theme = Theme.load(root, "default", problems);
        UiStrings strings = UiStrings.load(theme, "en", problems);
        for (String key : strings.all().keySet()) {
            strings.get(key, "one", 2);
        }
    }

    private static Page withMarkdown(Page p, String markdown) {
        return new Page(p.kind(), p.id(), p.locale(), p.contentLocale(), p.source(), p.sourcePath(), p.url(),
                p.sectionId(), p.title(), p.description(), p.summary(), p.weight(), p.tags(), p.date(), p.lastmod(),
                p.reviewed(), p.aliases(), p.codes(), p.draft(), p.type(), p.layout(), p.ticketCategory(), p.urgent(), p.icon(),
                p.params(), markdown, 5, p.fallback());
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
