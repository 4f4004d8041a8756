package dev.pharos.build;

import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.content.Resource;
import dev.pharos.content.Site;
import dev.pharos.html.HtmlPostProcessor;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.internal.PageFailures;
import dev.pharos.internal.Parallel;
import dev.pharos.markdown.MarkdownRenderer;
import dev.pharos.render.TemplateRenderer;
import dev.pharos.render.Theme;
import dev.pharos.render.UiStrings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the pipeline: load → Markdown → HTML post-processing → templates → later stages (search, support) →
 * static files, into a staging folder swapped in at the end. Pages are processed in parallel; output is the same
 * bytes whatever the thread count.
 */
public final class SiteBuilder {

    private final List<Supplier<BuildStage>> stageFactories;
    private final Map<String, CachedBody> cache;
    private final RenderCache renders;
    private volatile List<Runnable> deferred = List.of();
    /** The preview's last successful build, which a {@linkplain #build(BuildOptions, Collection) patch} starts from. */
    private volatile Last last;
    private final java.util.concurrent.atomic.AtomicInteger patches = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * What a patch needs of the build before it.
     *
     * @param base         the problems of loading the site, the theme and its UI strings
     * @param pageProblems the problems of each page's Markdown
     * @param banners      the announcement pages, whose banners show on every page until they expire
     */
    private record Last(BuildOptions options, Site site, Theme theme, Map<String, UiStrings> strings, Bodies bodies,
            List<Problem> base, Map<Page, List<Problem>> pageProblems, List<Page> banners) {
    }

    /**
     * @param stages the later stages, created fresh for every build
     * @param cache  rendered article bodies kept between builds (the dev server's incremental rebuilds), or null
     */
    public SiteBuilder(List<Supplier<BuildStage>> stages, Map<String, CachedBody> cache) {
        this(stages, cache, null);
    }

    /**
     * @param renders whole pages kept between builds, so unchanged pages are not rendered again (the dev server),
     *                or null
     */
    public SiteBuilder(List<Supplier<BuildStage>> stages, Map<String, CachedBody> cache, RenderCache renders) {
        this.stageFactories = List.copyOf(stages);
        this.cache = cache;
        this.renders = renders;
    }

    public BuildResult build(BuildOptions options) throws PharosException {
        last = null;
        Timer timer = new Timer();
        // First, before anything can fail: a build killed in its swap must not leave the site missing.
        SiteOutput.recover(options.output().toAbsolutePath().normalize());
        Site site = ContentLoader.load(options.source(),
                new ContentLoader.Options(options.drafts(), options.today(), options.baseUrl(),
                        renders == null ? null : renders.reads()));
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>(site.problems()));
        failOnErrors(problems);
        timer.lap("load");

        Theme theme = Theme.load(options.source(), site.config().theme(), problems);
        Map<String, UiStrings> strings = new LinkedHashMap<>();
        for (LocaleInfo locale : site.config().locales()) {
            strings.put(locale.code(), UiStrings.load(theme, locale.code(), problems));
        }
        failOnErrors(problems);
        List<Problem> base = List.copyOf(problems);

        Map<String, Map<String, String>> labels = labelsOf(strings);
        BodyCache disk = options.cache().map(folder -> BodyCache.open(folder, site, labels)).orElse(null);
        // The preview keeps its rendered pages in memory (renders); a build keeps them in the build cache.
        PageCache rendered = renders != null || options.cache().isEmpty() ? null
                : PageCache.open(options.cache().get(), theme, labels, site.config().basePath(), site.config().baseUrl());
        Map<Page, List<Problem>> pageProblems = renders == null ? null : new java.util.concurrent.ConcurrentHashMap<>();
        try (Bodies processed = bodies(site, options)) {
            processMarkdown(site, sources(site.pages()), strings, problems, disk, processed, pageProblems,
                    processed.inFile() ? null : rendered);
            failOnErrors(problems);
            timer.lap("markdown");
            BuildResult result = render(options, site, theme, strings, processed, problems, disk, rendered, timer);
            if (renders != null && !processed.inFile()) {
                List<Page> banners = site.pages().stream().filter(p -> dev.pharos.content.Banner.of(p).isPresent()).toList();
                last = new Last(options, site, theme, strings, processed, base, Map.copyOf(pageProblems), banners);
            }
            return result;
        }
    }

    /**
     * The preview's rebuild after a save that changed only Markdown files ({@code edited}, relative to the content
     * root). When every edit changed a page's body and nothing else (the same front matter, error codes, problems
     * and excerpt), nothing another page shows of it changed: only the edited pages, their fallback copies, their
     * Markdown twins, the error-code pages and the feeds are made again, and every other file stays as the last build
     * wrote it. Any other edit (a title, a new or deleted file) gets a whole build, with every cache. Either way the
     * site is the same bytes as a build from scratch; {@code PreviewPatchTest} checks that edit by edit.
     *
     * <p>Only with a render cache (the preview); {@code edited} null means "unknown": a whole build.
     */
    public BuildResult build(BuildOptions options, Collection<String> edited) throws PharosException {
        Last before = last;
        if (before != null && edited != null && renders != null) {
            Optional<BuildResult> patched;
            try {
                patched = patch(before, options, edited);
            } catch (PharosException | RuntimeException | Error e) {
                last = null; // the next build starts from the files, not from a state this one may have left half-done
                throw e;
            }
            if (patched.isPresent()) {
                return patched.get();
            }
        }
        return build(options);
    }

    private Optional<BuildResult> patch(Last before, BuildOptions options, Collection<String> edited)
            throws PharosException {
        Timer timer = new Timer();
        BuildOptions was = before.options();
        // The same options but for the moment of the build (every save has its own), each field compared.
        boolean sameOptions = new BuildOptions(options.source(), options.output(), options.report(), options.drafts(),
                options.baseUrl(), options.today(), was.now(), options.cache()).equals(was);
        // A banner that expired since shows on no page any more: every page changes.
        boolean sameBanners = before.banners().stream().map(p -> dev.pharos.content.Banner.of(p).orElseThrow())
                .allMatch(banner -> banner.showsAt(was.now()) == banner.showsAt(options.now()));
        if (!sameOptions || !sameBanners) {
            return Optional.empty();
        }
        Optional<ContentLoader.Patch> loaded = ContentLoader.patch(before.site(), edited,
                new ContentLoader.Options(options.drafts(), options.today(), options.baseUrl(), renders.reads()));
        if (loaded.isEmpty() || loaded.get().replaced().values().stream().anyMatch(BuildContext::isClaimed)) {
            return Optional.empty();
        }
        Site site = loaded.get().site();
        Map<Page, Page> replaced = loaded.get().replaced();
        timer.lap("load");

        Bodies processed = before.bodies().copyWithout(replaced.keySet());
        Map<Page, List<Problem>> pageProblems = new java.util.concurrent.ConcurrentHashMap<>(before.pageProblems());
        replaced.keySet().forEach(pageProblems::remove);
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        processMarkdown(site, sources(replaced.values()), before.strings(), problems, null, processed, pageProblems, null);
        for (Map.Entry<Page, Page> e : replaced.entrySet()) {
            // Links to a page without a description show its excerpt: a new excerpt changes every page listing it.
            boolean showsExcerpt = e.getKey().description().isEmpty() && e.getKey().summary().isEmpty();
            if (showsExcerpt && !before.bodies().excerpt(e.getKey()).equals(processed.excerpt(e.getValue()))) {
                return Optional.empty();
            }
        }
        problems.addAll(before.base());
        site.pages().forEach(p -> problems.addAll(pageProblems.getOrDefault(p, List.of())));
        failOnErrors(problems);
        timer.lap("markdown");

        List<BuildStage> stages = stageFactories.stream().map(Supplier::get).toList();
        try (SiteOutput output = SiteOutput.patch(options.output(), renders.written())) {
            BuildContext context = new BuildContext(options, site, before.theme(), renders.renderer(before.theme()),
                    before.strings(), output, processed, problems, stages, renders, null);
            prepare(context, problems);
            renderPages(context, List.copyOf(replaced.values()));
            new SiteFiles(context).writePatch(List.copyOf(replaced.values()));
            timer.lap("render");
            finish(context, problems, timer);
            List<Problem> warnings = distinct(problems);
            output.commit();
            deferred = context.deferred();
            last = new Last(options, site, before.theme(), before.strings(), processed, before.base(),
                    Map.copyOf(pageProblems), before.banners());
            timer.lap("write");
            BuildResult result = result(options, summaries(site), warnings, timer, renders.written().size());
            patches.incrementAndGet();
            return Optional.of(result);
        }
    }

    /** How many rebuilds were patches (for tests). */
    int patches() {
        return patches.get();
    }

    private static List<Page> sources(Collection<Page> pages) {
        return pages.stream().filter(p -> p.source() != null).toList();
    }

    private BuildResult render(BuildOptions options, Site site, Theme theme, Map<String, UiStrings> strings,
            Bodies processed, List<Problem> problems, BodyCache disk, PageCache rendered, Timer timer)
            throws PharosException {

        List<BuildStage> stages = stageFactories.stream().map(Supplier::get).toList();
        // With a render cache this is the dev server's incremental builder: it also updates the site in place.
        try (SiteOutput output = renders == null ? new SiteOutput(options.output())
                : SiteOutput.inPlace(options.output(), renders.written())) {
            TemplateRenderer renderer = renders == null ? new TemplateRenderer(theme) : renders.renderer(theme);
            BuildContext context = new BuildContext(options, site, theme, renderer, strings, output,
                    processed, problems, stages, renders, rendered);
            prepare(context, problems);
            try {
                // Only while the bodies fit in the heap: at 100x, with the bodies in a file and the heap full, the
                // index's memory beside the pages' made the collector thrash (364 s against 282 s).
                if (!processed.inFile()) {
                    stages.forEach(stage -> stage.start(context));
                }
                renderPages(context, context.site().pages());
                SiteFiles siteFiles = new SiteFiles(context);
                siteFiles.write();
                timer.lap("render");
                finish(context, problems, timer);
                // Last, so that pages the stages generated (contact, verify) are in it.
                siteFiles.writeSitemap();
            } finally {
                stages.forEach(BuildStage::stop);
            }
            copyFiles(context);
            timer.lap("copy");

            List<Problem> warnings = distinct(problems);
            List<BuildResult.PageSummary> pages = summaries(site);
            int files = output.files().size();
            output.commit();
            deferred = context.deferred();
            if (disk != null) {
                disk.removeUnused();
            }
            if (rendered != null) {
                rendered.removeUnused();
            }
            timer.lap("write");
            return result(options, pages, warnings, timer, files);
        }
    }

    /** The stages read and check their config; their errors stop the build before any page is rendered. */
    private static void prepare(BuildContext context, List<Problem> problems) throws PharosException {
        for (BuildStage stage : context.stages()) {
            stage.prepare(context, problems);
        }
        failOnErrors(problems);
    }

    /** The stages write their files, each timed. */
    private static void finish(BuildContext context, List<Problem> problems, Timer timer) throws PharosException {
        for (BuildStage stage : context.stages()) {
            stage.finish(context);
            failOnErrors(problems);
            timer.lap(stage.name());
        }
    }

    private static BuildResult result(BuildOptions options, List<BuildResult.PageSummary> pages, List<Problem> warnings,
            Timer timer, int files) throws PharosException {
        BuildResult result = new BuildResult(options.output(), pages, warnings, timer.total(), files);
        if (options.report().isPresent()) {
            BuildReport.write(options.report().get(), result);
        }
        return result;
    }

    /**
     * Runs the work the last build deferred (the preview's search index), once; the caller has sent the reload
     * already, so readers see the edited page without waiting for it.
     */
    public void runDeferred() {
        List<Runnable> jobs = deferred;
        deferred = List.of();
        jobs.forEach(Runnable::run);
    }

    private static Map<String, Map<String, String>> labelsOf(Map<String, UiStrings> strings) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        strings.forEach((locale, ui) -> out.put(locale, ui.all()));
        return out;
    }

    /**
     * Where this build keeps processed bodies: in memory, unless the site is too large for the heap (then in a
     * temporary file beside the output). The preview keeps them in memory: it reuses them between rebuilds.
     * {@code -Dpharos.bodies=file|memory} decides instead (tests build the same site both ways).
     */
    private Bodies bodies(Site site, BuildOptions options) {
        String forced = System.getProperty("pharos.bodies", "");
        long characters = site.pages().stream().mapToLong(p -> p.markdown() == null ? 0 : p.markdown().length()).sum();
        boolean inFile = forced.equals("file") || forced.isEmpty() && renders == null
                && Bodies.tooLargeForMemory(characters, Runtime.getRuntime().maxMemory());
        if (!inFile) {
            return Bodies.inMemory();
        }
        Path output = options.output().toAbsolutePath();
        return Bodies.inFile(output.getParent() == null ? output : output.getParent());
    }

    /**
     * @param pageProblems where each page's problems are kept for the preview's next patch, or null
     * @param rendered     the build cache's rendered pages, told which body each body cache key names, or null
     */
    private void processMarkdown(Site site, List<Page> sources, Map<String, UiStrings> strings, List<Problem> problems,
            BodyCache disk, Bodies out, Map<Page, List<Problem>> pageProblems, PageCache rendered)
            throws PharosException {
        MarkdownRenderer markdown = new MarkdownRenderer();
        HtmlPostProcessor html = new HtmlPostProcessor(site);
        List<Throwable> crashes = Collections.synchronizedList(new ArrayList<>());
        Parallel.forEach(sources, page -> {
            // Only for the preview's cache: the key hashes the page's whole Markdown.
            String key = cache == null ? null : cacheKey(site, page);
            CachedBody cached = cache == null ? null : cache.get(key);
            String diskKey = disk == null ? null : disk.key(page);
            if (cached == null && disk != null) {
                cached = disk.get(diskKey, page);
            }
            if (cached != null && rendered != null && diskKey != null) {
                rendered.vouch(cached.html().html(), diskKey, "html");
                rendered.vouch(cached.html().introHtml(), diskKey, "intro");
            }
            if (cached != null) {
                out.put(page, cached.html());
                problems.addAll(cached.problems());
                if (pageProblems != null) {
                    pageProblems.put(page, cached.problems());
                }
                return;
            }
            List<Problem> mine = new ArrayList<>();
            ProcessedHtml result;
            try {
                MarkdownRenderer.Rendered fromMarkdown = markdown.renderWithSource(page.markdown(), page.source(),
                        page.bodyLine(), mine);
                UiStrings labels = strings.getOrDefault(page.contentLocale(), strings.get(page.locale()));
                result = html.process(page, fromMarkdown.html(), labels::get, mine).withMarkdown(fromMarkdown.source());
            } catch (RuntimeException | StackOverflowError e) {
                // One page's failure names that page; the other pages' problems are still reported with it.
                problems.add(PageFailures.problem(page.source(), e));
                crashes.add(e);
                return;
            }
            out.put(page, result);
            problems.addAll(mine);
            if (pageProblems != null) {
                pageProblems.put(page, List.copyOf(mine));
            }
            if (mine.stream().noneMatch(Problem::isError)) {
                CachedBody body = new CachedBody(result, List.copyOf(mine));
                if (cache != null) {
                    cache.put(key, body);
                }
                if (disk != null) {
                    disk.put(diskKey, page, body);
                    if (rendered != null) {
                        rendered.vouch(result.html(), diskKey, "html");
                        rendered.vouch(result.introHtml(), diskKey, "intro");
                    }
                }
            }
        });
        if (!crashes.isEmpty()) {
            throw new PharosException(distinct(problems), crashes.get(0)); // the cause, for --verbose
        }
    }

    /** A processed body kept between builds with the warnings it gave, which a reuse reports again. */
    public record CachedBody(ProcessedHtml html, List<Problem> problems) {
    }

    /**
     * What a rendered body depends on: the page's text and identity, and the set of pages and files links may
     * point to. Any added, removed or renamed page changes the last part and so every key.
     */
    private static String cacheKey(Site site, Page page) {
        return page.locale() + "\u0000" + page.source() + "\u0000" + page.url() + "\u0000" + page.markdown().hashCode()
                + "\u0000" + page.markdown().length() + "\u0000" + page.bodyLine() + "\u0000" + page.type()
                + "\u0000" + site.fingerprint();
    }

    private static void renderPages(BuildContext context, List<Page> all) throws PharosException {
        List<Page> pages = all.stream().filter(p -> !BuildContext.isClaimed(p)).toList();
        Parallel.forEach(pages, page -> {
            String owner = page.source() == null ? page.url() : page.source();
            try {
                Map<String, Object> model = context.models().forPage(page);
                for (BuildStage stage : context.stages()) {
                    stage.decorate(context, page, page.locale(), model);
                }
                context.write(template(context, page), page.locale(), model, context.outputPath(page.url()), owner);
            } catch (RuntimeException | StackOverflowError e) {
                throw new PharosException(PageFailures.problem(owner, e), e);
            }
        });
    }

    private static String template(BuildContext context, Page page) {
        if (!page.layout().isEmpty() && context.renderer().exists(page.layout())) {
            return page.layout();
        }
        return switch (page.kind()) {
            case HOME -> "home";
            case SECTION -> "section";
            case ARTICLE -> page.isFaq() && context.renderer().exists("faq") ? "faq" : "article";
        };
    }

    private static void copyFiles(BuildContext context) throws PharosException {
        List<Resource> resources = context.site().resources();
        Parallel.forEach(resources, r -> context.output().copy(r.path(), r.outputPath(), r.source()));
        Parallel.forEach(List.copyOf(context.theme().assets().entrySet()), e ->
                context.output().copy(e.getValue(), context.theme().assetPath(e.getKey()), "themes/" + e.getKey()));
    }

    private static List<BuildResult.PageSummary> summaries(Site site) {
        List<BuildResult.PageSummary> out = new ArrayList<>();
        for (Page page : site.pages()) {
            String section = page.kind() == PageKind.HOME ? "" : page.sectionId();
            out.add(new BuildResult.PageSummary(page.source(), page.locale(), page.url(), page.title(), section,
                    page.kind().name().toLowerCase(java.util.Locale.ROOT), page.fallback(), page.draft(),
                    MarkdownTwins.hasTwin(page) ? MarkdownTwins.twinUrl(page) : null));
        }
        return out;
    }

    private static void failOnErrors(List<Problem> problems) throws PharosException {
        synchronized (problems) {
            if (problems.stream().anyMatch(Problem::isError)) {
                throw new PharosException(distinct(problems));
            }
        }
    }

    private static List<Problem> distinct(List<Problem> problems) {
        synchronized (problems) {
            List<Problem> out = new ArrayList<>(new LinkedHashSet<>(problems));
            out.sort(Problem.ORDER);
            return out;
        }
    }

    private static final class Timer {
        private final long start = System.nanoTime();
        private long last = start;
        private final Map<String, Long> laps = new LinkedHashMap<>();

        void lap(String name) {
            long now = System.nanoTime();
            laps.merge(name, (now - last) / 1_000_000, Long::sum);
            last = now;
        }

        Map<String, Long> total() {
            Map<String, Long> out = new LinkedHashMap<>(laps);
            out.put("total", (System.nanoTime() - start) / 1_000_000);
            return out;
        }
    }

    /** Where a build keeps processed pages by default: {@code <root>/target/pharos-cache}. */
    public static Path defaultCache(Path source) {
        return source.resolve("target").resolve("pharos-cache");
    }

    /** Where a content root builds to by default: {@code <root>/target/site}. */
    public static Path defaultOutput(Path source) {
        return source.resolve("target").resolve("site");
    }
}
