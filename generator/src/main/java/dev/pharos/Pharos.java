package dev.pharos;

import dev.pharos.build.BuildStage;
import dev.pharos.build.SiteBuilder;
import dev.pharos.check.CheckOptions;
import dev.pharos.check.CheckReport;
import dev.pharos.author.NewArticle;
import dev.pharos.check.Checker;
import dev.pharos.imports.ZendeskImport;
import dev.pharos.publish.Publisher;
import dev.pharos.report.SearchReport;
import dev.pharos.serve.DevServer;
import dev.pharos.serve.ServeOptions;
import java.io.IOException;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.Site;
import dev.pharos.search.SearchStage;
import dev.pharos.support.SupportStage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pharos turns a folder of Markdown help articles into a multilingual static help center with a prebuilt search
 * index. This class is the whole public API; the command line and the Maven plugin are thin layers over it.
 *
 * <pre>{@code
 * BuildResult result = Pharos.build(BuildOptions.of(Path.of("content"), Path.of("content/target/site")));
 * result.warnings().forEach(System.err::println);
 * }</pre>
 *
 * <p>A build either succeeds and replaces the output folder as a whole, or throws {@link PharosException} listing
 * every error as {@code file:line: message} and leaves the previous output untouched.
 */
public final class Pharos {

    private Pharos() {
    }

    /** Loads a content root without building it: the config, every page, and the problems found. */
    public static Site load(Path source) {
        return ContentLoader.load(source, new ContentLoader.Options(false, LocalDate.now(ZoneOffset.UTC)));
    }

    /** Builds a site. */
    public static BuildResult build(BuildOptions options) throws PharosException {
        return new SiteBuilder(defaultStages(), null).build(options);
    }

    /**
     * Checks a content root without building it: broken links and anchors, missing images, URL clashes, orphan
     * pages, front matter, translation coverage and stale articles. Never throws for bad content: every problem is
     * in the report.
     */
    public static CheckReport check(CheckOptions options) {
        return Checker.run(options);
    }

    /**
     * Starts the writers' preview: builds {@code options.source()} with drafts, serves it on loopback, rebuilds on
     * every change and reloads open pages. Close the returned server to stop it.
     *
     * @throws IOException when the port is taken or the content cannot be watched
     */
    public static DevServer serve(ServeOptions options, DevServer.Listener listener) throws IOException {
        return DevServer.start(options, defaultStages(), listener);
    }

    /** Creates a new article with its front matter filled in and returns the file; never overwrites one. */
    public static Path newArticle(NewArticle.Options options) throws PharosException {
        return NewArticle.create(options);
    }

    /**
     * Imports a Zendesk Guide help center (from its API or a folder of saved JSON) into a content folder, and can
     * run again to bring in Zendesk's changes without undoing local edits. Throws for unreachable or refused
     * requests and unreadable input; everything else is a warning in the result.
     */
    public static ZendeskImport.Result importZendesk(ZendeskImport.Options options) throws PharosException {
        return ZendeskImport.run(options);
    }

    /**
     * Reports what readers searched for and did not find, from the search beacon's JSON lines or access logs:
     * writes {@code report.html} and {@code report.json}. Throws for a missing log or an unwritable folder; bad log
     * lines are warnings in the result.
     */
    public static SearchReport.Result reportSearches(SearchReport.Options options) throws PharosException {
        return SearchReport.run(options);
    }

    /** Pushes a built site to a git branch ({@code gh-pages}), as one more commit or as a clean single commit. */
    public static Publisher.Result publish(Publisher.Options options) throws PharosException {
        return Publisher.publish(options);
    }

    /** The stages after page rendering, in order. */
    static List<Supplier<BuildStage>> defaultStages() {
        // One memory per build or preview: a preview's rebuilds re-analyze only the pages that changed.
        SearchStage.Memory search = new SearchStage.Memory();
        return List.of(SupportStage::new, () -> new SearchStage(search));
    }
}
