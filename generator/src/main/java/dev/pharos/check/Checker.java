package dev.pharos.check;

import dev.pharos.Problem;
import dev.pharos.build.BuildContext;
import dev.pharos.content.Banner;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.ErrorCode;
import dev.pharos.content.FrontMatter;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.content.Resource;
import dev.pharos.content.Site;
import dev.pharos.html.HtmlPostProcessor;
import dev.pharos.html.LinkRef;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.internal.ConfigReader;
import dev.pharos.internal.Slugs;
import dev.pharos.internal.Suggestions;
import dev.pharos.internal.TextFiles;
import dev.pharos.markdown.MarkdownRenderer;
import dev.pharos.internal.PageFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The checks a help center runs before it merges: everything the build reports, plus broken links and anchors
 * across locales, missing images, URL clashes, orphan pages, front matter against {@link FrontMatter#SCHEMA},
 * translation coverage and stale articles. It reuses the build's own stages (the loader, Markdown and the HTML
 * post-processor with its resolved {@link LinkRef}s and anchors) but renders no templates and writes nothing, so it
 * reports every problem at once even where a build would stop at the first stage with errors.
 */
public final class Checker {

    private final CheckOptions options;
    private final Site site;
    private final Map<Problem, String> found = new LinkedHashMap<>();
    private final Map<String, Set<String>> checked = new TreeMap<>();
    private final Map<String, ConfigReader> frontMatter = new TreeMap<>();
    private final Map<Page, ProcessedHtml> bodies = new ConcurrentHashMap<>();
    private final List<Problem> bodyProblems = Collections.synchronizedList(new ArrayList<>());
    private GitDates git = GitDates.none();

    private Checker(CheckOptions options) {
        this.options = options;
        this.site = ContentLoader.load(options.source(), new ContentLoader.Options(options.drafts(), options.today()));
        CheckReport.CHECKS.forEach(c -> checked.put(c, new TreeSet<>()));
    }

    public static CheckReport run(CheckOptions options) {
        return new Checker(options).runAll();
    }

    private CheckReport runAll() {
        checkFrontMatter();
        for (Problem p : site.problems()) {
            add(isUrlProblem(p) ? "urls" : isCodeProblem(p) ? "codes" : "content", p);
        }
        if (!Files.isDirectory(site.root())) {
            return report(List.of(), List.of());
        }
        if (options.git()) {
            git = GitDates.read(site.root());
        }
        processBodies();
        checkLinks();
        checkAliases();
        checkOrphans();
        checkCodes();
        checkBanners();
        List<CheckReport.Coverage> coverage = checkTranslations();
        List<CheckReport.Stale> stale = checkFreshness();
        return report(coverage, stale);
    }

    private CheckReport report(List<CheckReport.Coverage> coverage, List<CheckReport.Stale> stale) {
        List<Finding> findings = new ArrayList<>();
        found.forEach((problem, check) -> findings.add(new Finding(check, problem)));
        findings.sort(Finding.ORDER);
        Map<String, Set<String>> subjects = new LinkedHashMap<>();
        checked.forEach((check, files) -> subjects.put(check, Collections.unmodifiableSet(files)));
        return new CheckReport(findings, subjects, coverage, stale);
    }

    /** Records a problem once: the same problem from the loader and from a check is one finding. */
    private void add(String check, Problem problem) {
        found.putIfAbsent(problem, check);
        if (problem.file() != null) {
            checked.get(check).add(problem.file());
        }
    }

    private static boolean isCodeProblem(Problem p) {
        return p.message().startsWith("error code ") || p.message().startsWith("error codes ");
    }

    private static boolean isUrlProblem(Problem p) {
        return p.message().startsWith("same URL ") || p.message().startsWith("alias ");
    }

    // ---------------------------------------------------------------- front matter

    /** Every Markdown file, drafts included, against the schema: wrong types are errors, unknown keys warnings. */
    private void checkFrontMatter() {
        for (LocaleInfo locale : site.config().locales()) {
            Path dir = site.root().resolve(locale.folder());
            for (Path file : markdownFiles(dir)) {
                String source = locale.folder() + "/" + dir.relativize(file).toString().replace('\\', '/');
                checked.get("front-matter").add(source);
                checked.get("content").add(source);
                List<Problem> problems = new ArrayList<>();
                try {
                    FrontMatter fm = FrontMatter.parse(TextFiles.read(file, source), source, problems);
                    frontMatter.put(source, fm.values());
                    validate(fm.values());
                    Banner.read(fm.values(), isAnnouncement(dir.relativize(file)));
                } catch (TextFiles.Unreadable e) {
                    problems.add(e.problem());
                }
                problems.forEach(p -> add("front-matter", p));
            }
        }
    }

    private static void validate(ConfigReader values) {
        values.warnUnknownKeys(FrontMatter.KNOWN_KEYS);
        for (String key : values.keys()) {
            String type = FrontMatter.SCHEMA.get(key);
            if (type == null || values.raw(key) == null) {
                continue;
            }
            switch (type) {
                case "text" -> values.string(key);
                case "number" -> values.integer(key);
                case "list" -> values.strings(key);
                case "date" -> values.date(key);
                case "boolean" -> values.bool(key, false);
                case "map" -> {
                    // 'ticket: deposits' is the short form of 'ticket: {category: deposits}'.
                    if (!(key.equals("ticket") && !(values.raw(key) instanceof Map<?, ?>)
                            && !(values.raw(key) instanceof List<?>))) {
                        values.child(key).ifPresent(child -> {
                            if (key.equals("freshness")) {
                                child.warnUnknownKeys(Set.of("maxagedays"));
                                child.integer("maxagedays");
                            }
                        });
                    }
                }
                default -> {
                    // "any": templates decide
                }
            }
        }
    }

    /** An article of the announcements section (a file below announcements/ other than its _index.md). */
    private static boolean isAnnouncement(Path relative) {
        return relative.getNameCount() >= 2 && Slugs.segment(relative.getName(0).toString()).equals(Banner.SECTION)
                && !(relative.getNameCount() == 2 && relative.getFileName().toString().matches("(?i)_?index\\.(md|markdown)"));
    }

    /** Banners still marked active after they expired: the incident is over, or the expiry needs moving. */
    private void checkBanners() {
        for (Page page : site.pages()) {
            if (page.source() == null || page.fallback()) {
                continue;
            }
            Banner.of(page).filter(b -> b.expiredButActive(options.now())).ifPresent(banner ->
                    add("front-matter", Problem.warning(page.source(), line(page.source(), "expires"), "the banner expired at "
                            + banner.expires() + " but is still active; set 'status: resolved' when the incident is over,"
                            + " or move 'expires' later")));
        }
    }

    private static List<Path> markdownFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        for (Path part : dir.relativize(f)) {
                            if (part.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".md") || name.endsWith(".markdown");
                    })
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------- links, anchors, images

    private void processBodies() {
        MarkdownRenderer markdown = new MarkdownRenderer();
        HtmlPostProcessor html = new HtmlPostProcessor(site);
        site.pages().parallelStream().filter(p -> p.source() != null && !p.fallback()).forEach(page -> {
            List<Problem> problems = new ArrayList<>();
            try {
                String rendered = markdown.render(page.markdown(), page.source(), page.bodyLine(), problems);
                bodies.put(page, html.process(page, rendered, key -> key, problems));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(PageFailures.problem(page.source(), e));
            }
            bodyProblems.addAll(problems);
        });
    }

    private void checkLinks() {
        Map<String, Page> byUrl = new TreeMap<>();
        site.pages().forEach(p -> byUrl.putIfAbsent(p.url(), p));
        Set<String> known = knownUrls();
        Set<String> brokenAt = new HashSet<>();
        for (Page page : sortedBodies()) {
            checked.get("links").add(page.source());
            checked.get("images").add(page.source());
            for (LinkRef link : bodies.get(page).links()) {
                String check = link.image() ? "images" : "links";
                Optional<String> message = link.image() ? imageProblem(link, known) : linkProblem(page, link, byUrl, known);
                if (message.isPresent()) {
                    add(check, Problem.error(page.source(), link.line(), message.get()));
                    brokenAt.add(page.source() + ":" + link.line());
                }
            }
        }
        synchronized (bodyProblems) {
            for (Problem p : bodyProblems) {
                boolean sameAsOurs = brokenAt.contains(p.file() + ":" + p.line())
                        && (p.message().startsWith("link to '") || p.message().startsWith("image '"));
                if (!sameAsOurs) {
                    add("content", p);
                }
            }
        }
    }

    private List<Page> sortedBodies() {
        List<Page> pages = new ArrayList<>(bodies.keySet());
        pages.sort(java.util.Comparator.comparing(Page::source));
        return pages;
    }

    private Optional<String> linkProblem(Page page, LinkRef link, Map<String, Page> byUrl, Set<String> known) {
        if (!link.resolved()) {
            return Optional.of("broken link '" + link.href() + "': no page or file there" + suggestFile(link.href())
                    + "; paths are relative to this file");
        }
        String target = link.target();
        if (target == null || !target.startsWith(site.config().basePath())) {
            return Optional.empty();
        }
        Page to = byUrl.get(target);
        if (to == null && !target.endsWith("/") && byUrl.containsKey(target + "/")) {
            to = byUrl.get(target + "/");
        }
        if (to == null && target.endsWith("/index.html")) {
            to = byUrl.get(target.substring(0, target.length() - "index.html".length()));
        }
        if (to == null) {
            if (known.contains(target) || known.contains(target + "/") || target.startsWith(site.config().basePath() + "_pharos/")) {
                return Optional.empty();
            }
            return Optional.of("broken link '" + link.href() + "': no page has the URL " + target);
        }
        if (link.anchor().isEmpty()) {
            return Optional.empty();
        }
        Page shown = to.fallback() ? site.page(to.contentLocale(), to.id()).orElse(to) : to;
        ProcessedHtml body = bodies.get(shown);
        if (body == null || body.anchors().contains(link.anchor())) {
            return Optional.empty();
        }
        String where = shown == page ? "this page" : shown.source();
        return Optional.of("broken anchor '#" + link.anchor() + "' in link '" + link.href() + "': " + where
                + " has no heading or id '" + link.anchor() + "'" + Suggestions.didYouMean(link.anchor(), body.anchors()));
    }

    private Optional<String> imageProblem(LinkRef link, Set<String> known) {
        if (!link.resolved()) {
            return Optional.of("image '" + link.href() + "' not found" + suggestFile(link.href())
                    + "; put the file beside the article or fix the path");
        }
        String target = link.target();
        if (target == null || !target.startsWith(site.config().basePath()) || known.contains(target)
                || target.startsWith(site.config().basePath() + "_pharos/")) {
            return Optional.empty();
        }
        return Optional.of("image '" + link.href() + "' not found: no file is published at " + target
                + "; put it under static/ or beside the article");
    }

    /** " (did you mean 'x.md'?)" from the files of the content root with the nearest name. */
    private String suggestFile(String href) {
        String path = href.replaceAll("[#?].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            return "";
        }
        Set<String> names = new TreeSet<>();
        site.pages().stream().filter(p -> p.source() != null).forEach(p -> names.add(fileName(p.source())));
        site.resources().forEach(r -> names.add(fileName(r.source())));
        return Suggestions.closest(name, names).filter(s -> !s.equals(name)).map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
    }

    private static String fileName(String source) {
        return source.substring(source.lastIndexOf('/') + 1);
    }

    /** Every site path that is not a content page: files, aliases and the pages Pharos generates. */
    private Set<String> knownUrls() {
        String base = site.config().basePath();
        Set<String> known = new HashSet<>(generatedUrls());
        for (Resource r : site.resources()) {
            known.add(base + r.outputPath());
        }
        site.pages().forEach(p -> known.addAll(p.aliases()));
        for (Page p : site.pages()) {
            for (ErrorCode code : p.codes()) {
                known.add(base + "go/" + code.code() + "/");
                site.config().locales().forEach(l -> known.add(base + l.code() + "/go/" + code.code() + "/"));
            }
        }
        return known;
    }

    private Set<String> generatedUrls() {
        String base = site.config().basePath();
        Set<String> out = new TreeSet<>(List.of(base, base + "404.html", base + "sitemap.xml", base + "robots.txt",
                base + "_redirects"));
        for (LocaleInfo locale : site.config().locales()) {
            for (String id : BuildContext.GENERATED_IDS) {
                out.add(base + locale.code() + "/" + id + "/");
            }
            out.add(base + locale.code() + "/404.html");
        }
        for (Page p : site.pages()) {
            if (p.kind() == PageKind.SECTION && (p.id().equals("announcements") || Boolean.TRUE.equals(p.params().get("feed")))) {
                out.add(p.url() + "atom.xml");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- URLs

    /** Aliases that would overwrite a generated page or a file (the loader already compares them with pages). */
    private void checkAliases() {
        Set<String> generated = generatedUrls();
        Map<String, String> files = new TreeMap<>();
        site.resources().forEach(r -> files.put(site.config().basePath() + r.outputPath(), r.source()));
        for (Page page : site.pages()) {
            if (page.source() == null || page.fallback()) {
                continue;
            }
            checked.get("urls").add(page.source());
            for (String alias : page.aliases()) {
                String asFile = alias.endsWith("/") ? alias + "index.html" : alias;
                if (generated.contains(alias) || generated.contains(asFile)) {
                    add("urls", Problem.error(page.source(), line(page.source(), "aliases"), "alias " + alias
                            + " is the URL of a page Pharos generates; remove the alias"));
                } else if (files.containsKey(asFile) || files.containsKey(alias)) {
                    add("urls", Problem.error(page.source(), line(page.source(), "aliases"), "alias " + alias
                            + " is the URL of the file " + files.getOrDefault(asFile, files.get(alias)) + "; remove the alias"));
                }
            }
        }
    }

    private int line(String source, String key) {
        ConfigReader reader = frontMatter.get(source);
        return reader == null || !reader.has(key) ? 1 : reader.line(key);
    }

    // ---------------------------------------------------------------- orphans

    /** Articles at the top of a locale (in no section) that no page links to: readers can only find them by search. */
    private void checkOrphans() {
        Set<String> linked = new HashSet<>();
        bodies.forEach((page, body) -> {
            for (LinkRef link : body.links()) {
                if (link.target() != null && !link.target().equals(page.url())) {
                    linked.add(link.target());
                }
            }
        });
        Set<String> pinned = new HashSet<>(site.config().pinned().stream()
                .map(id -> id.replaceAll("^/+|/+$", "").replaceAll("\\.md$", "")).toList());
        for (Page page : site.pages()) {
            if (page.kind() != PageKind.ARTICLE || page.fallback() || page.source() == null
                    || !"".equals(page.sectionId()) || BuildContext.isClaimed(page)) {
                continue;
            }
            checked.get("orphans").add(page.source());
            boolean isPinned = pinned.contains(page.id()) || Boolean.TRUE.equals(page.params().get("pinned"));
            if (!isPinned && !linked.contains(page.url())) {
                add("orphans", Problem.warning(page.source(), 0, "orphan page: it is in no section and no page links to"
                        + " it; move it into a section folder or link to it from a related article"));
            }
        }
    }

    // ---------------------------------------------------------------- error codes

    /**
     * Error codes (the loader already reports invalid codes and a code claimed twice in one locale): a heading anchor
     * a code leads to must exist, and every code should lead somewhere in every locale's own text.
     */
    private void checkCodes() {
        Map<String, Map<String, Page>> byCode = new TreeMap<>();
        for (Page page : site.pages()) {
            if (page.fallback() || page.source() == null) {
                continue;
            }
            if (!page.codes().isEmpty()) {
                checked.get("codes").add(page.source());
            }
            for (ErrorCode code : page.codes()) {
                byCode.computeIfAbsent(code.code(), c -> new TreeMap<>()).putIfAbsent(page.locale(), page);
                ProcessedHtml body = bodies.get(page);
                if (!code.anchor().isEmpty() && body != null && !body.anchors().contains(code.anchor())) {
                    add("codes", Problem.warning(page.source(), code.line(), "error code " + code.code() + " leads to '#"
                            + code.anchor() + "', which is not on the page; give the heading that anchor with {#"
                            + code.anchor() + " codes=" + code.code() + "}"));
                }
            }
        }
        String defaultLocale = site.config().defaultLocale();
        for (Map.Entry<String, Map<String, Page>> code : byCode.entrySet()) {
            Map<String, Page> claims = code.getValue();
            Page source = claims.getOrDefault(defaultLocale, claims.values().iterator().next());
            ErrorCode claim = claimOf(source, code.getKey());
            for (LocaleInfo locale : site.config().locales()) {
                if (claims.containsKey(locale.code())) {
                    continue;
                }
                // Report it where a writer fixes it: the translation that lacks the code, else the page that has it.
                Optional<Page> translation = site.page(locale.code(), source.id()).filter(p -> !p.fallback());
                String where = source.source() + ":" + claim.line();
                if (translation.isPresent()) {
                    Page t = translation.get();
                    add("codes", Problem.warning(t.source(), line(t.source(), "codes"), "error code " + code.getKey()
                            + " is on " + where + " but not in this translation; add it to 'codes' or to the"
                            + " matching heading ({#anchor codes=" + code.getKey() + "})"));
                } else {
                    add("codes", Problem.warning(source.source(), claim.line(), "error code " + code.getKey()
                            + " has no " + locale.code() + " page: /" + locale.code() + "/go/" + code.getKey()
                            + "/ falls back to this page; translate it and keep the code"));
                }
            }
        }
    }

    private static ErrorCode claimOf(Page page, String code) {
        return page.codes().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- translations

    private List<CheckReport.Coverage> checkTranslations() {
        String defaultLocale = site.config().defaultLocale();
        List<Page> sources = site.pages(defaultLocale).stream()
                .filter(p -> p.kind() == PageKind.ARTICLE && !p.fallback() && p.source() != null).toList();
        List<CheckReport.Coverage> out = new ArrayList<>();
        for (LocaleInfo locale : site.config().locales()) {
            if (locale.code().equals(defaultLocale)) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            List<CheckReport.Outdated> outdated = new ArrayList<>();
            int translated = 0;
            for (Page source : sources) {
                Optional<Page> translation = site.page(locale.code(), source.id()).filter(p -> !p.fallback());
                if (translation.isEmpty()) {
                    missing.add(source.source());
                    continue;
                }
                translated++;
                Page t = translation.get();
                checked.get("translations").add(t.source());
                Optional<Instant> sourceChanged = lastChange(source);
                Optional<Instant> translationChanged = lastChange(t);
                if (sourceChanged.isPresent() && translationChanged.isPresent()
                        && sourceChanged.get().isAfter(translationChanged.get())) {
                    LocalDate s = day(sourceChanged.get());
                    LocalDate d = day(translationChanged.get());
                    outdated.add(new CheckReport.Outdated(t.source(), source.source(), s, d));
                    add("translations", Problem.warning(t.source(), line(t.source(), "lastmod"), "translation is older"
                            + " than its source " + source.source() + " (source changed " + s + ", translation " + d
                            + "); update it and its 'lastmod'"));
                }
            }
            out.add(new CheckReport.Coverage(locale.code(), sources.size(), translated, missing, outdated));
        }
        return out;
    }

    /** When a page's text last changed: the later of its front matter date and its last commit. */
    private Optional<Instant> lastChange(Page page) {
        Optional<Instant> declared = page.updated().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
        Optional<Instant> committed = git.lastChange(page.source());
        if (declared.isPresent() && committed.isPresent()) {
            return Optional.of(declared.get().isAfter(committed.get()) ? declared.get() : committed.get());
        }
        return declared.or(() -> committed);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    // ---------------------------------------------------------------- freshness

    private record Limits(Optional<Long> maxAgeDays, Map<String, Long> sections) {
        boolean any() {
            return maxAgeDays.isPresent() || !sections.isEmpty();
        }
    }

    private List<CheckReport.Stale> checkFreshness() {
        List<Problem> configProblems = new ArrayList<>();
        Limits limits = site.config().section("freshness", configProblems).map(c -> {
            c.warnUnknownKeys(Set.of("maxagedays", "sections"));
            Map<String, Long> sections = new TreeMap<>();
            c.child("sections").ifPresent(s -> s.keys().forEach(k -> s.integer(k).ifPresent(v ->
                    sections.put(k.replaceAll("^/+|/+$", ""), v))));
            return new Limits(c.integer("maxagedays"), sections);
        }).orElse(new Limits(Optional.empty(), Map.of()));
        configProblems.forEach(p -> add("freshness", p));
        List<CheckReport.Stale> stale = new ArrayList<>();
        for (Page page : site.pages()) {
            if (page.kind() != PageKind.ARTICLE || page.fallback() || page.source() == null) {
                continue;
            }
            Optional<Long> limit = limitFor(page, limits);
            if (limit.isEmpty()) {
                continue;
            }
            checked.get("freshness").add(page.source());
            String key = page.reviewed() != null ? "reviewed" : page.lastmod() != null
                    ? (frontMatter.containsKey(page.source()) && frontMatter.get(page.source()).has("lastmod") ? "lastmod" : "updated")
                    : "date";
            Optional<LocalDate> date = page.reviewedOrUpdated().or(() -> git.lastChange(page.source()).map(Checker::day));
            if (date.isEmpty()) {
                add("freshness", Problem.warning(page.source(), 1, "no review date: add 'reviewed: " + options.today()
                        + "' to the front matter once the article is checked"));
                continue;
            }
            long age = ChronoUnit.DAYS.between(date.get(), options.today());
            if (age > limit.get()) {
                stale.add(new CheckReport.Stale(page.source(), date.get(), age, limit.get()));
                String message = "stale: last reviewed " + date.get() + ", " + age + " days ago (limit " + limit.get()
                        + " days); check it is still right and set 'reviewed: " + options.today() + "'";
                add("freshness", options.strict() ? Problem.error(page.source(), line(page.source(), key), message)
                        : Problem.warning(page.source(), line(page.source(), key), message));
            }
        }
        stale.sort(java.util.Comparator.comparing(CheckReport.Stale::date).thenComparing(CheckReport.Stale::file));
        return stale;
    }

    /** The page's own {@code freshness.maxAgeDays}, else its nearest section's (front matter, then pharos.yml). */
    private Optional<Long> limitFor(Page page, Limits limits) {
        Optional<Long> own = maxAge(page);
        if (own.isPresent()) {
            return own;
        }
        String sectionId = page.sectionId();
        while (sectionId != null) {
            Optional<Page> section = site.page(page.locale(), sectionId);
            Optional<Long> fromSection = section.flatMap(Checker::maxAge);
            if (fromSection.isPresent()) {
                return fromSection;
            }
            if (limits.sections().containsKey(sectionId)) {
                return Optional.of(limits.sections().get(sectionId));
            }
            sectionId = sectionId.isEmpty() ? null : sectionId.contains("/") ? sectionId.substring(0, sectionId.lastIndexOf('/')) : "";
        }
        return limits.maxAgeDays();
    }

    private static Optional<Long> maxAge(Page page) {
        if (page.params().get("freshness") instanceof Map<?, ?> map && map.get("maxagedays") instanceof Number n) {
            return Optional.of(n.longValue());
        }
        return Optional.empty();
    }
}
