package dev.pharos.content;

import dev.pharos.Problem;
import dev.pharos.internal.ConfigReader;
import dev.pharos.internal.Parallel;
import dev.pharos.internal.Slugs;
import dev.pharos.internal.TextFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a content root into a {@link Site}: the config, a folder per locale, front matter, sections, translations
 * and fallbacks. Loading never stops at the first problem; it collects them all in {@link Site#problems()}.
 */
public final class ContentLoader {

    private static final Pattern H1 = Pattern.compile("\\A\\s*#\\s+(.+?)\\s*#*\\s*(\\n|\\z)");

    /**
     * @param drafts include {@code draft: true} pages and pages whose {@code publishDate} is after {@code today}
     * @param today  the date that decides which pages are published yet
     */
    public record Options(boolean drafts, LocalDate today, Optional<String> baseUrl, ReadCache reads) {
        public Options {
            Objects.requireNonNull(today, "today");
            Objects.requireNonNull(baseUrl, "baseUrl");
        }

        public Options(boolean drafts, LocalDate today, Optional<String> baseUrl) {
            this(drafts, today, baseUrl, null);
        }

        public Options(boolean drafts, LocalDate today) {
            this(drafts, today, Optional.empty());
        }
    }

    /**
     * Files read and front matter parsed by earlier loads, kept by the preview between rebuilds: a file whose size
     * and modification time are unchanged is not read or parsed again. Thread-safe.
     */
    public static final class ReadCache {
        private record Entry(long size, java.nio.file.attribute.FileTime modified, FrontMatter frontMatter,
                List<Problem> problems) {
        }

        private final Map<Path, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();

        /** Forgets every file; the next load reads them all. */
        public void clear() {
            entries.clear();
        }
    }

    private record MarkdownFile(LocaleInfo locale, String relative, Path path) {
        String source() {
            return locale.folder() + "/" + relative;
        }
    }

    private record Parsed(MarkdownFile file, FrontMatter frontMatter, List<Problem> problems) {
    }

    private ContentLoader() {
    }

    public static Site load(Path root, Options options) {
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(null, 0, "the content folder " + root + " does not exist"));
            SiteConfig config = SiteConfigLoader.load(root, new ArrayList<>());
            return new Site(root, config, List.of(), List.of(), problems);
        }
        SiteConfig loaded = SiteConfigLoader.load(root, problems);
        SiteConfig config = options.baseUrl().map(loaded::withBaseUrl).orElse(loaded);
        // Each locale's folder, then static/, walked side by side: a walk waits on the file system for every folder.
        List<Supplier<Scan>> walks = new ArrayList<>();
        config.locales().forEach(locale -> walks.add(() -> scanLocale(root, locale)));
        walks.add(() -> scanStatic(root));
        List<Scan> scans = Parallel.map(walks, Supplier::get);
        List<MarkdownFile> markdown = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (Scan scan : scans) {
            markdown.addAll(scan.markdown());
            resources.addAll(scan.resources());
            problems.addAll(scan.problems());
        }

        // Each file read, parsed and made into its page in parallel; what depends on other pages comes after.
        List<Loaded> files = Parallel.map(markdown, file -> {
            Parsed parsed = parse(file, options.reads());
            if (parsed.frontMatter() == null) {
                return new Loaded(parsed, Optional.empty(), List.of());
            }
            List<Problem> mine = new ArrayList<>();
            Optional<Page> page = toPage(config, file.locale(), parsed, options, mine);
            return new Loaded(parsed, page, mine);
        });
        if (options.reads() != null) {
            Set<Path> present = new java.util.HashSet<>();
            markdown.forEach(file -> present.add(file.path()));
            options.reads().entries.keySet().retainAll(present);
        }

        List<Page> pages = new ArrayList<>();
        for (LocaleInfo locale : config.locales()) {
            List<Loaded> mine = files.stream().filter(l -> l.parsed().file().locale().equals(locale)).toList();
            pages.addAll(localePages(config, locale, mine, problems));
        }
        // Reading front matter values into pages reports wrong types into each file's list: collect them after.
        files.forEach(file -> problems.addAll(file.parsed().problems()));
        pages = withFallbacks(config, pages);
        checkDuplicateUrls(pages, problems);
        CodeReader.checkDuplicates(pages, problems);
        pages.sort(pageOrder(config));
        return new Site(root, config, pages, resources, new ArrayList<>(problems));
    }

    /**
     * The pages an edit replaced: each edited page with its new text, and each fallback copy of it.
     *
     * @param site     the site with the edits
     * @param replaced old page to new page
     */
    public record Patch(Site site, Map<Page, Page> replaced) {
    }

    /**
     * The site after edits to the bodies of Markdown files it was loaded from, without loading the rest again (the
     * preview, on a save). Empty when an edit did more than change a body: a file added, removed or unreadable, its
     * front matter or error codes changed, or its problems changed; then the whole root must be {@linkplain #load
     * loaded} again. Needs the {@link ReadCache} the previous site was loaded with; it is updated.
     *
     * @param sources the edited files, relative to the root ({@code en/account/reset-password.md})
     */
    public static Optional<Patch> patch(Site previous, java.util.Collection<String> sources, Options options) {
        ReadCache reads = options.reads();
        if (reads == null || sources.isEmpty()) {
            return Optional.empty();
        }
        SiteConfig config = previous.config();
        Map<Page, Page> replaced = new LinkedHashMap<>();
        for (String source : sources) {
            Page old = previous.bySource(source).orElse(null);
            LocaleInfo locale = old == null ? null : config.locale(old.locale()).orElse(null);
            if (old == null || old.fallback() || old.sourcePath() == null || locale == null
                    || !source.startsWith(locale.folder() + "/")) {
                return Optional.empty();
            }
            MarkdownFile file = new MarkdownFile(locale, source.substring(locale.folder().length() + 1), old.sourcePath());
            ReadCache.Entry known = reads.entries.get(file.path());
            if (known == null) {
                return Optional.empty();
            }
            Parsed before = reuse(file, known);
            Parsed now = parse(file, reads);
            if (before.frontMatter() == null || now.frontMatter() == null) {
                return Optional.empty();
            }
            List<Problem> beforeProblems = new ArrayList<>();
            List<Problem> nowProblems = new ArrayList<>();
            Optional<Page> was = toPage(config, locale, before, options, beforeProblems);
            Optional<Page> page = toPage(config, locale, now, options, nowProblems);
            // The old page made again must be the loaded one: otherwise something else decided it (a date, drafts).
            if (was.isEmpty() || page.isEmpty() || !was.get().equals(old) || !old.sameApartFromBody(page.get())
                    || !beforeProblems.equals(nowProblems) || !before.problems().equals(now.problems())) {
                return Optional.empty();
            }
            replaced.put(old, page.get());
            for (LocaleInfo other : config.locales()) {
                Page copy = previous.page(other.code(), old.id()).orElse(null);
                if (copy != null && copy.fallback() && source.equals(copy.source())) {
                    if (!old.asFallback(copy.locale(), copy.url(), copy.sectionId()).equals(copy)) {
                        return Optional.empty();
                    }
                    replaced.put(copy, page.get().asFallback(copy.locale(), copy.url(), copy.sectionId()));
                }
            }
        }
        return Optional.of(new Patch(previous.replacing(replaced), Collections.unmodifiableMap(replaced)));
    }

    private static java.util.Comparator<Page> pageOrder(SiteConfig config) {
        List<String> codes = config.locales().stream().map(LocaleInfo::code).toList();
        return java.util.Comparator.comparingInt((Page p) -> codes.indexOf(p.locale())).thenComparing(Page::id);
    }

    /** What a walk of one folder found: Markdown files, other files, and the problems of the walk. */
    private record Scan(List<MarkdownFile> markdown, List<Resource> resources, List<Problem> problems) {
    }

    private static Scan scanLocale(Path root, LocaleInfo locale) {
        List<MarkdownFile> markdown = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path dir = root.resolve(locale.folder());
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.warning(locale.folder() + "/", 0, "locale '" + locale.code()
                    + "' has no folder; create " + locale.folder() + "/ with its articles"));
            return new Scan(markdown, resources, problems);
        }
        for (Path file : walk(dir, problems, locale.folder())) {
            String relative = slash(dir.relativize(file));
            if (isMarkdown(file)) {
                markdown.add(new MarkdownFile(locale, relative, file));
            } else {
                resources.add(new Resource(locale.folder() + "/" + relative, file,
                        locale.code() + "/" + slugDirectories(relative)));
            }
        }
        return new Scan(markdown, resources, problems);
    }

    private static Scan scanStatic(Path root) {
        List<Resource> resources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path dir = root.resolve("static");
        if (Files.isDirectory(dir)) {
            for (Path file : walk(dir, problems, "static")) {
                String relative = slash(dir.relativize(file));
                resources.add(new Resource("static/" + relative, file, relative));
            }
        }
        return new Scan(List.of(), resources, problems);
    }

    /**
     * Regular files under a folder, hidden ones skipped, sorted so every build sees the same order. One stat per entry
     * (the walk's own): a large help center has tens of thousands, and hidden folders (.git) are not entered at all.
     */
    private static List<Path> walk(Path dir, List<Problem> problems, String label) {
        List<Path> all = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    return !folder.equals(dir) && hidden(dir.relativize(folder))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (hidden(dir.relativize(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    // A link is followed to what it names; a link to nothing is an error naming its target.
                    if (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                        all.add(file);
                    } else if (attributes.isSymbolicLink() && !Files.exists(file)) {
                        problems.add(Problem.error(label + "/" + slash(dir.relativize(file)), 0,
                                "cannot read the file: it is a link to nothing (" + linkTarget(file) + ")"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(Problem.error(label + "/", 0, "cannot read the folder: " + e.getMessage()));
            return List.of();
        }
        all.sort(null);
        return all;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Dot files and folders (.git, .DS_Store, editor lock files such as .#x.md) are not content; a page whose name is
     * only dots ({@code ..md}, tldr's page for the {@code .} command) is.
     */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") && !name.matches("\\.+\\.(md|markdown)")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    private static String slash(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static Parsed parse(MarkdownFile file, ReadCache reads) {
        if (reads == null) {
            return parse(file);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
        } catch (IOException e) {
            return parse(file);
        }
        ReadCache.Entry known = reads.entries.get(file.path());
        if (known != null && known.size() == attributes.size() && known.modified().equals(attributes.lastModifiedTime())) {
            return reuse(file, known);
        }
        Parsed parsed = parse(file);
        reads.entries.put(file.path(), new ReadCache.Entry(attributes.size(), attributes.lastModifiedTime(),
                parsed.frontMatter(), List.copyOf(parsed.problems())));
        return parsed;
    }

    private static Parsed reuse(MarkdownFile file, ReadCache.Entry known) {
        // A fresh list: reading values into a page reports into it, once per build.
        List<Problem> problems = new ArrayList<>(known.problems());
        FrontMatter f = known.frontMatter();
        return new Parsed(file, f == null ? null
                : new FrontMatter(f.values().reportingTo(problems), f.body(), f.bodyLine(), f.broken()), problems);
    }

    private static Parsed parse(MarkdownFile file) {
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = TextFiles.read(file.path(), file.source());
        } catch (TextFiles.Unreadable e) {
            problems.add(e.problem());
            return new Parsed(file, null, problems);
        }
        problems.addAll(TextFiles.oddities(text, file.source()));
        return new Parsed(file, FrontMatter.parse(text, file.source(), problems), problems);
    }

    /** A file's page as made on its own, with the problems making it reported, in their order. */
    private record Loaded(Parsed parsed, Optional<Page> page, List<Problem> problems) {
    }

    private static List<Page> localePages(SiteConfig config, LocaleInfo locale, List<Loaded> files,
            List<Problem> problems) {
        Map<String, Page> byId = new TreeMap<>();
        Map<String, String> folderNames = new TreeMap<>();
        for (Loaded file : files) {
            problems.addAll(file.problems());
            Optional<Page> page = file.page();
            if (page.isEmpty()) {
                continue;
            }
            Page p = page.get();
            Page previous = byId.get(p.id());
            if (previous != null) {
                problems.add(Problem.error(p.source(), 0, "same URL " + p.url() + " as " + previous.source()
                        + "; rename one of them (file names differing only in case or spaces share a URL)"));
                continue;
            }
            byId.put(p.id(), p);
            rememberFolderNames(file.parsed().file().relative(), folderNames);
        }
        // Every article needs its chain of sections, even where a folder has no _index.md.
        for (Page page : new ArrayList<>(byId.values())) {
            String sectionId = page.sectionId();
            while (sectionId != null && !byId.containsKey(sectionId)) {
                byId.put(sectionId, syntheticSection(config, locale, sectionId, folderNames.get(sectionId)));
                sectionId = parentOf(sectionId);
            }
        }
        if (!byId.containsKey("")) {
            byId.put("", syntheticSection(config, locale, "", null));
        }
        return new ArrayList<>(byId.values());
    }

    private static void rememberFolderNames(String relative, Map<String, String> folderNames) {
        String[] parts = relative.split("/");
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (id.length() > 0) {
                id.append('/');
            }
            id.append(Slugs.segment(parts[i]));
            folderNames.putIfAbsent(id.toString(), parts[i]);
        }
    }

    private static Page syntheticSection(SiteConfig config, LocaleInfo locale, String id, String folderName) {
        boolean home = id.isEmpty();
        String title = home ? config.title(locale.code())
                : Slugs.humanize(folderName != null ? folderName : id.substring(id.lastIndexOf('/') + 1));
        return new Page(home ? PageKind.HOME : PageKind.SECTION, id, locale.code(), locale.code(), null, null,
                url(config, locale, id, null), home ? null : parentOf(id), title, "", "", 0, List.of(), null, null, null,
                List.of(), List.of(), false, "", "", null, false, "", Map.of(), "", 1, false);
    }

    private static Optional<Page> toPage(SiteConfig config, LocaleInfo locale, Parsed parsed, Options options,
            List<Problem> problems) {
        MarkdownFile file = parsed.file();
        FrontMatter fm = parsed.frontMatter();
        ConfigReader values = fm.values();
        String[] parts = file.relative().split("/");
        String fileName = parts[parts.length - 1];
        String base = fileName.replaceFirst("(?i)\\.(md|markdown)$", "");
        List<String> dirs = List.of(parts).subList(0, parts.length - 1);

        PageKind kind;
        List<String> idParts = new ArrayList<>();
        dirs.forEach(d -> idParts.add(Slugs.segment(d)));
        if (base.equalsIgnoreCase("_index")) {
            kind = dirs.isEmpty() ? PageKind.HOME : PageKind.SECTION;
        } else if (base.equalsIgnoreCase("index")) {
            kind = dirs.isEmpty() ? PageKind.HOME : PageKind.ARTICLE;
        } else {
            kind = PageKind.ARTICLE;
            idParts.add(Slugs.segment(base));
        }
        String id = String.join("/", idParts);

        boolean draft = values.bool("draft", false);
        Optional<LocalDate> publishDate = values.date("publishdate");
        Optional<LocalDate> expiryDate = values.date("expirydate");
        if (!options.drafts() && (draft || publishDate.filter(d -> d.isAfter(options.today())).isPresent())) {
            return Optional.empty();
        }
        if (!options.drafts() && expiryDate.filter(d -> !d.isAfter(options.today())).isPresent()) {
            return Optional.empty();
        }

        String body = fm.body();
        int bodyLine = fm.bodyLine();
        Optional<String> title = values.string("title");
        Matcher h1 = H1.matcher(body);
        if (h1.find()) {
            String heading = h1.group(1).strip();
            if (title.isEmpty() || title.get().equals(heading)) {
                // A leading "# Title" is the title; keeping it would show the title twice.
                title = Optional.of(heading);
                int removedLines = (int) h1.group(0).chars().filter(c -> c == '\n').count();
                body = body.substring(h1.end());
                bodyLine += removedLines;
            }
        }
        if (title.isEmpty()) {
            String humanized = Slugs.humanize(kind == PageKind.ARTICLE && !base.equalsIgnoreCase("index")
                    ? base : dirs.isEmpty() ? config.title(locale.code()) : dirs.get(dirs.size() - 1));
            if (kind != PageKind.HOME && !fm.broken()) {
                problems.add(Problem.warning(file.source(), 1, "no title: using '" + humanized
                        + "' from the file name; add 'title: ...' to the front matter"));
            }
            title = Optional.of(kind == PageKind.HOME ? config.title(locale.code()) : humanized);
        }

        String ticketCategory = null;
        Object ticket = values.raw("ticket");
        if (ticket instanceof String s) {
            ticketCategory = s.strip();
        } else if (ticket != null) {
            ticketCategory = values.child("ticket").flatMap(t -> t.string("category")).orElse(null);
        }

        LocalDate lastmod = values.date("lastmod").or(() -> values.date("updated")).orElse(null);
        String slug = values.string("slug").map(raw -> segmentSlug(values, raw)).orElse(null);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) ConfigReader.lowerKeys(values.values());
        String sectionId = kind == PageKind.HOME ? null : parentOf(id);
        List<String> aliases = values.strings("aliases").stream().filter(a -> staysInSite(values, a))
                .map(a -> aliasPath(config, locale, a)).toList();
        List<ErrorCode> codes = CodeReader.read(file.source(), values, body, bodyLine, kind == PageKind.ARTICLE, problems);
        Banner.read(values, kind == PageKind.ARTICLE && id.startsWith(Banner.SECTION + "/"));

        return Optional.of(new Page(kind, id, locale.code(), locale.code(), file.source(), file.path(),
                url(config, locale, id, slug), sectionId, title.get(),
                values.string("description").orElse(""), values.string("summary").orElse(""),
                values.integer("weight").orElse(0L),
                values.strings("tags"), values.date("date").orElse(null), lastmod,
                values.date("reviewed").orElse(null), aliases, codes, draft, values.string("type", ""),
                values.string("layout", ""), ticketCategory, values.bool("urgent", false), values.string("icon", ""),
                params, body, bodyLine, false));
    }

    /**
     * A slug as the one URL segment it must be. A slug that tries to be a path ({@code ../../tmp/x}, {@code a/b},
     * {@code a\b}) still stays inside the site, as {@code ..-..-tmp-x}, but the writer is told, since the page is
     * then not where they meant it to be.
     */
    private static String segmentSlug(ConfigReader values, String raw) {
        String segment = Slugs.segment(raw);
        if (raw.contains("/") || raw.contains("\\") || raw.contains("..")) {
            values.warning("slug", "slug '" + raw + "' is not one URL segment (it has '/', '\\' or '..'), so the page is"
                    + " at '" + segment + "' instead; give the slug as one name without them");
        }
        return segment;
    }

    /** An alias with a '..' part would put its redirect outside the site folder: an error at the aliases line. */
    private static boolean staysInSite(ConfigReader values, String alias) {
        if (List.of(alias.replace('\\', '/').split("/")).contains("..")) {
            values.error("aliases", "alias '" + alias + "' leaves the site with '..'; write the old URL as a path"
                    + " inside the site, such as /en/old-page/");
            return false;
        }
        return true;
    }

    /** An alias as a site path: {@code /en/old/} stays under the base path, {@code old} is taken under the locale. */
    private static String aliasPath(SiteConfig config, LocaleInfo locale, String alias) {
        String path = alias.startsWith("/") ? config.basePath() + alias.substring(1)
                : config.basePath() + locale.code() + "/" + alias;
        return path.endsWith("/") || path.endsWith(".html") ? path : path + "/";
    }

    static String parentOf(String id) {
        if (id.isEmpty()) {
            return null;
        }
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }

    private static String url(SiteConfig config, LocaleInfo locale, String id, String slug) {
        String path = id;
        if (slug != null && !id.isEmpty()) {
            int slash = id.lastIndexOf('/');
            path = (slash < 0 ? "" : id.substring(0, slash + 1)) + slug;
        }
        return config.basePath() + locale.code() + "/" + (path.isEmpty() ? "" : path + "/");
    }

    private static String slugDirectories(String relative) {
        int slash = relative.lastIndexOf('/');
        if (slash < 0) {
            return relative;
        }
        List<String> out = new ArrayList<>();
        for (String dir : relative.substring(0, slash).split("/")) {
            out.add(Slugs.segment(dir));
        }
        return String.join("/", out) + relative.substring(slash);
    }

    /** Adds, for each locale, the pages it lacks, with the text of the default locale (or the first that has it). */
    private static List<Page> withFallbacks(SiteConfig config, List<Page> pages) {
        Map<String, Map<String, Page>> byLocale = new LinkedHashMap<>();
        for (LocaleInfo l : config.locales()) {
            byLocale.put(l.code(), new TreeMap<>());
        }
        pages.forEach(p -> byLocale.get(p.locale()).put(p.id(), p));
        List<Page> out = new ArrayList<>(pages);
        for (LocaleInfo target : config.locales()) {
            Map<String, Page> mine = byLocale.get(target.code());
            Map<String, Page> added = new TreeMap<>();
            for (LocaleInfo other : config.locales()) {
                if (other.equals(target)) {
                    continue;
                }
                for (Page source : byLocale.get(other.code()).values()) {
                    if (source.kind() == PageKind.HOME || source.fallback() || mine.containsKey(source.id())
                            || added.containsKey(source.id())) {
                        continue;
                    }
                    if (config.fallback() == SiteConfig.Fallback.SKIP && source.kind() == PageKind.ARTICLE) {
                        continue;
                    }
                    added.put(source.id(), source.asFallback(target.code(),
                            source.url().replaceFirst("^" + Pattern.quote(config.basePath() + other.code() + "/"),
                                    Matcher.quoteReplacement(config.basePath() + target.code() + "/")),
                            source.sectionId()));
                }
            }
            if (config.fallback() == SiteConfig.Fallback.SKIP) {
                // Only the sections that still hold something in this locale.
                added.values().removeIf(section -> mine.values().stream().noneMatch(p ->
                        p.id().startsWith(section.id() + "/")));
            }
            out.addAll(added.values());
        }
        return out;
    }

    private static void checkDuplicateUrls(List<Page> pages, List<Problem> problems) {
        Map<String, Page> byUrl = new TreeMap<>();
        for (Page page : pages) {
            Page other = byUrl.putIfAbsent(page.url(), page);
            if (other != null && other != page && !Objects.equals(other.id(), page.id())) {
                problems.add(Problem.error(page.source(), 0, "same URL " + page.url() + " as "
                        + (other.source() == null ? "the section '" + other.id() + "'" : other.source())
                        + "; change the file name or its 'slug'"));
            }
        }
        Map<String, String> aliasOwners = new TreeMap<>();
        for (Page page : pages) {
            for (String path : page.aliases()) {
                String alias = path;
                if (byUrl.containsKey(path)) {
                    problems.add(Problem.error(page.source(), 0, "alias " + alias + " is the URL of "
                            + Optional.ofNullable(byUrl.get(path).source()).orElse(path) + "; remove the alias"));
                }
                String owner = aliasOwners.putIfAbsent(path, page.source());
                if (owner != null && !owner.equals(page.source())) {
                    problems.add(Problem.error(page.source(), 0, "alias " + alias + " is also an alias of " + owner));
                }
            }
        }
    }
}
