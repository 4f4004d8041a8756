package dev.pharos.search;

import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.build.BuildContext;
import dev.pharos.build.BuildStage;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.html.FaqEntry;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.html.TextSection;
import dev.pharos.internal.FileTrees;
import dev.pharos.internal.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes each locale's search index under {@code _pharos/search/<locale>/} and tells templates where it is.
 *
 * <p>Only a locale's own pages are indexed: a fallback page shows another language's text, which the reader finds
 * with "also search in English" instead. Articles, FAQ pages and section pages that have text of their own are
 * indexed; the home page and drafts left out of the build are not.
 */
public final class SearchStage implements BuildStage {

    /** Where the indexes live in the built site, under the base path. */
    public static final String ROOT = "_pharos/search/";
    static final double SECTION_BOOST = 0.8;
    static final double FAQ_BOOST = 0.85;
    static final int SHORT_SECTION = 500;

    /**
     * What one stage instance leaves for the next build of the same site: each locale's page analyses. The
     * preview creates a stage per rebuild and hands each the same memory.
     */
    public static final class Memory {
        private final Map<String, IndexBuilder.Memory> locales = new java.util.concurrent.ConcurrentHashMap<>();

        IndexBuilder.Memory of(String locale, Analysis.Kind kind) {
            return locales.computeIfAbsent(locale + "/" + kind, k -> new IndexBuilder.Memory());
        }
    }

    private final Memory memory;
    private SearchSettings settings;
    private SearchAnalytics analytics = SearchAnalytics.OFF;
    private final Map<String, Analysis> analyses = new LinkedHashMap<>();
    private final Map<String, Synonyms> synonyms = new LinkedHashMap<>();
    private IndexFiles.Layout layout = IndexFiles.Layout.DEFAULT;
    private FutureTask<List<List<IndexFiles.File>>> building;

    /** A stage for a single build. */
    public SearchStage() {
        this(new Memory());
    }

    /** A stage that reuses the page analyses of the previous build that used {@code memory}. */
    public SearchStage(Memory memory) {
        this.memory = memory;
    }

    @Override
    public String name() {
        return "search";
    }

    /** Overrides how files are cut (the benchmark explores it); the default suits sites up to tens of thousands of pages. */
    public SearchStage layout(IndexFiles.Layout layout) {
        this.layout = layout;
        return this;
    }

    @Override
    public void prepare(BuildContext context, List<Problem> problems) {
        settings = SearchSettings.read(context.site().config(), problems);
        analytics = SearchAnalytics.read(context.site().config(), problems);
        if (!settings.enabled()) {
            return;
        }
        for (LocaleInfo locale : context.locales()) {
            Analysis analysis = new Analysis(Analysis.Kind.of(locale));
            analyses.put(locale.code(), analysis);
            synonyms.put(locale.code(), Synonyms.load(context.site().root(), locale.code(), analysis, problems));
        }
    }

    @Override
    public void decorate(BuildContext context, Page page, String locale, Map<String, Object> model) {
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("enabled", settings.enabled());
        String base = context.site().config().basePath();
        search.put("index", base + ROOT + locale + "/meta.json");
        search.put("results", settings.results());
        search.put("fallbackBelow", settings.fallbackBelow());
        String fallback = settings.fallbackLocale().equals(locale) ? "" : settings.fallbackLocale();
        search.put("fallbackLocale", fallback);
        search.put("fallbackLabel", fallback.isEmpty() ? ""
                : context.site().config().locale(fallback).map(LocaleInfo::label).orElse(fallback));
        // A writer's preview is not a reader's search: it reports nothing.
        search.put("analytics", context.previewing() ? "" : analytics.endpoint().orElse(""));
        model.put("search", search);
    }

    /**
     * Builds the indexes on a thread of their own while the pages render: they need only the processed bodies, and
     * the end of each locale's index is single-threaded work that otherwise ran with a core idle.
     */
    @Override
    public void start(BuildContext context) {
        if (!settings.enabled() || context.previewing()) {
            return;
        }
        String basePath = context.site().config().basePath();
        building = new FutureTask<>(() -> build(context, basePath));
        Thread thread = new Thread(building, "pharos-search-index");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        if (building == null) {
            return;
        }
        try {
            building.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The build has already failed for another reason, or finish() reported this one: here it only waits.
        }
    }

    /** Locales are independent: their indexes are built side by side, and come back in locale order. */
    private List<List<IndexFiles.File>> build(BuildContext context, String basePath) {
        return Parallel.map(context.locales(), locale -> indexFiles(context, locale.code(), basePath));
    }

    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the search index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void finish(BuildContext context) throws PharosException {
        if (!settings.enabled()) {
            return;
        }
        String basePath = context.site().config().basePath();
        if (context.previewing()) {
            // The reloaded page does not need the index: it is rebuilt just after the reload, into the site itself.
            context.output().keep(ROOT);
            context.defer(() -> writeInPlace(context, basePath));
            return;
        }
        List<LocaleInfo> locales = context.locales();
        List<List<IndexFiles.File>> built = building != null ? await(building) : build(context, basePath);
        for (int i = 0; i < locales.size(); i++) {
            for (IndexFiles.File file : built.get(i)) {
                context.output().write(ROOT + locales.get(i).code() + "/" + file.name(), file.bytes(), "search index");
            }
        }
    }

    /**
     * The preview's index, written straight into its site folder: each file replaced atomically, every locale's
     * {@code meta.json} last (it names the version folder the others are in), then files of older versions removed.
     */
    private void writeInPlace(BuildContext context, String basePath) {
        Path root = context.output().staging().resolve(ROOT);
        List<LocaleInfo> locales = context.locales();
        List<List<IndexFiles.File>> built = build(context, basePath);
        Set<Path> written = new HashSet<>();
        try {
            for (boolean metaPass : new boolean[] {false, true}) {
                for (int i = 0; i < locales.size(); i++) {
                    for (IndexFiles.File file : built.get(i)) {
                        if (file.name().equals("meta.json") == metaPass) {
                            Path target = root.resolve(locales.get(i).code()).resolve(file.name()).normalize();
                            replace(target, file.bytes());
                            written.add(target);
                        }
                    }
                }
            }
            if (Files.isDirectory(root)) {
                FileTrees.deleteFilesExcept(root, written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index: " + e.getMessage(), e);
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        FileTrees.replace(target, temporary -> Files.write(temporary, bytes));
    }

    private List<IndexFiles.File> indexFiles(BuildContext context, String locale, String basePath) {
        List<SearchDocument> docs = documents(context, locale);
        Analysis analysis = analyses.get(locale);
        IndexBuilder.Stored stored = context.options().cache()
                .map(cache -> new IndexBuilder.Stored(cache, locale, analysis.kind())).orElse(null);
        String localePath = basePath + locale + "/";
        // Not in the preview: its rebuilds keep the page analyses in memory for the next one, which a hit would skip.
        IndexCache kept = stored == null || context.previewing() ? null
                : new IndexCache(context.options().cache().get(), locale);
        String key = kept == null ? null
                : IndexCache.key(docs, analysis.kind(), synonyms.get(locale), settings, layout, locale, localePath);
        List<IndexFiles.File> files = key == null ? null : kept.read(key);
        if (files != null) {
            stored.keep(docs); // the page analyses stay for the next edit in this locale
        } else {
            IndexBuilder.Index index = new IndexBuilder(analysis, settings.weights())
                    .build(docs, memory.of(locale, analysis.kind()), stored);
            files = IndexFiles.write(index, analysis, synonyms.get(locale), settings, locale, localePath, layout);
            if (key != null) {
                kept.write(key, files);
            }
        }
        if (stored != null) {
            stored.removeUnused();
        }
        if (kept != null) {
            kept.removeUnused();
        }
        return files;
    }

    /** The pages of a locale the index holds, in URL order (their numbers in the index). */
    List<SearchDocument> documents(BuildContext context, String locale) {
        List<Page> pages = new ArrayList<>();
        for (Page page : context.processedPages()) {
            if (page.locale().equals(locale) && indexed(context, page)) {
                pages.add(page);
            }
        }
        pages.sort(Comparator.comparing(Page::url));
        List<SearchDocument> docs = new ArrayList<>(pages.size());
        for (Page page : pages) {
            docs.add(document(context, page, context.processed(page).orElseThrow()));
        }
        return docs;
    }

    private boolean indexed(BuildContext context, Page page) {
        if (page.fallback() || BuildContext.isClaimed(page) || settings.excluded(page.id())) {
            return false;
        }
        return switch (page.kind()) {
            case ARTICLE -> true;
            case SECTION -> settings.sections() && context.processed(page).orElseThrow().sections().stream()
                    .anyMatch(s -> !s.text().isEmpty());
            case HOME -> false;
        };
    }

    private static SearchDocument document(BuildContext context, Page page, ProcessedHtml html) {
        List<SearchDocument.Part> parts = new ArrayList<>();
        List<TextSection> sections = html.sections();
        // Instant answers: each FAQ question's answer, and an article's summary for its title.
        Map<String, String> answers = new java.util.HashMap<>();
        for (FaqEntry entry : html.faq()) {
            answers.putIfAbsent(entry.id(), Answers.ofHtml(entry.answerHtml()));
        }
        String summary = page.kind() == PageKind.ARTICLE ? Answers.ofText(page.summary()) : "";
        int from = 0;
        if (!sections.isEmpty() && sections.get(0).anchor().isEmpty()) {
            parts.add(new SearchDocument.Part("", "", sections.get(0).text(), summary));
            from = 1;
        } else {
            parts.add(new SearchDocument.Part("", "", "", summary));
        }
        for (TextSection s : sections.subList(from, sections.size())) {
            parts.add(new SearchDocument.Part(s.anchor(), s.heading(), s.text(), answers.getOrDefault(s.anchor(), "")));
        }
        List<String> keywords = new ArrayList<>(page.tags());
        Object more = page.params().get("keywords");
        if (more instanceof List<?> list) {
            list.stream().filter(k -> k != null).map(String::valueOf).forEach(keywords::add);
        } else if (more instanceof String s && !s.isBlank()) {
            keywords.add(s);
        }
        // The titles above the page name its subject too ("Hertz" for hertz/faq): weighted like headings.
        for (Page ancestor : context.site().ancestors(page)) {
            if (ancestor.kind() == PageKind.SECTION) {
                keywords.add(ancestor.title());
            }
        }
        String description = !page.description().isEmpty() ? page.description() : page.summary();
        String section = page.kind() == PageKind.SECTION ? "" : context.models().link(page).sectionTitle();
        // A section page with little text of its own lists answers rather than giving one: it ranks below an
        // article that matches as well. A FAQ page answers many questions in a few lines each and points on to the
        // articles; holding the words of many topics, it matches a long question's words in several answers at
        // once, and should not outrank the article about that question.
        int text = sections.stream().mapToInt(s -> s.text().length()).sum();
        double boost = page.kind() == PageKind.SECTION && text < SHORT_SECTION ? SECTION_BOOST
                : page.isFaq() ? FAQ_BOOST : 1;
        return new SearchDocument(page.url(), page.title(), section, description, keywords, parts, boost);
    }
}
