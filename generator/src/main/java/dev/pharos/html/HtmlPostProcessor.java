package dev.pharos.html;

import dev.pharos.Problem;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.content.Resource;
import dev.pharos.content.Site;
import dev.pharos.internal.Slugs;
import dev.pharos.internal.TextFiles;
import dev.pharos.markdown.MarkdownRenderer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Turns the HTML flexmark made for one page into what the page shows: sanitized raw HTML (unless the site trusts
 * it), stable heading anchors, a table of contents, admonitions in one shape, {@code .md} links rewritten to page
 * URLs in the reader's language, images with dimensions and lazy loading, {@code rel="noopener"} on external
 * links, FAQ questions split out, and the plain text the search index needs.
 *
 * <p>Thread-safe; one instance per build.
 */
public final class HtmlPostProcessor {

    private static final String BASE = "https://pharos.invalid/";
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern GITHUB_ALERT = Pattern.compile("^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION|DANGER|INFO)\\]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNSAFE_TAGS = Set.of("script", "style", "iframe", "object", "embed", "form", "button",
            "textarea", "select", "link", "meta", "base", "frame", "frameset", "applet", "svg", "math", "video", "audio");
    /** What raw HTML may keep when writers are not trusted (package-visible for the sanitizer tests). */
    static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("aside", "details", "summary", "mark", "kbd", "s", "del", "ins", "figure", "figcaption", "section",
                    "hr", "abbr", "input", "picture", "source", "samp", "var", "bdi", "bdo", "wbr", "time")
            .addAttributes(":all", "class", "id", "title", "lang", "dir", MarkdownRenderer.LINE_ATTRIBUTE)
            .addAttributes("input", "type", "checked", "disabled", "readonly")
            .addAttributes("th", "align", "scope", "colspan", "rowspan")
            .addAttributes("td", "align", "colspan", "rowspan")
            .addAttributes("img", "loading", "decoding")
            .addAttributes("ol", "start", "reversed")
            .addAttributes("details", "open")
            .addAttributes("source", "srcset", "type", "media")
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .addProtocols("source", "srcset", "http", "https")
            .preserveRelativeLinks(true);
    private static final Sanitizer SANITIZER = new Sanitizer(SAFELIST);
    // Parsed once: a query string is parsed on every select, and evaluators are thread-safe.
    private static final Evaluator ADMONITION_ICONS = Selector.evaluatorOf("svg.adm-hidden, svg.adm-icon");
    private static final Evaluator SOURCE_LINES = Selector.evaluatorOf("[" + MarkdownRenderer.LINE_ATTRIBUTE + "]");
    private static final Evaluator ADMONITION_BLOCKS = Selector.evaluatorOf("div.adm-block");
    private static final Evaluator BLOCKQUOTES = Selector.evaluatorOf("blockquote");
    private static final Evaluator IMAGES = Selector.evaluatorOf("img");
    private static final Evaluator HEADINGS = Selector.evaluatorOf("h1, h2, h3, h4, h5, h6");
    private static final Evaluator WITH_ID = Selector.evaluatorOf("[id]");
    private static final Evaluator LINKS = Selector.evaluatorOf("a[href]");
    private static final Evaluator IMAGE_SOURCES = Selector.evaluatorOf("img[src]");
    private static final Evaluator CODE_WITH_CLASS = Selector.evaluatorOf("code[class]");
    private static final Evaluator ADMONITION_HEADING = Selector.evaluatorOf("> div.adm-heading");
    private static final Evaluator ADMONITION_BODY = Selector.evaluatorOf("> div.adm-body");

    private final Site site;
    private final boolean trustedHtml;
    private final Map<String, Resource> resources = new HashMap<>();
    private final ImageSizes imageSizes = new ImageSizes();

    public HtmlPostProcessor(Site site) {
        this.site = site;
        this.trustedHtml = site.config().trustedHtml();
        for (Resource r : site.resources()) {
            resources.put(r.source(), r);
        }
    }

    /**
     * @param page     the page the HTML belongs to (its source decides how relative links resolve; its locale which
     *                 translation they go to)
     * @param html     flexmark's output
     * @param labels   UI strings of the page's locale, for admonition titles ({@code admonition.warning})
     * @param problems receives warnings about links, images and removed HTML
     */
    public ProcessedHtml process(Page page, String html, Function<String, String> labels, List<Problem> problems) {
        Document doc = Jsoup.parseBodyFragment(html, BASE);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset(StandardCharsets.UTF_8);
        // flexmark's own admonition icons, not the writer's HTML.
        doc.body().select(ADMONITION_ICONS).remove();
        if (!trustedHtml) {
            warnAboutUnsafeHtml(page, doc, problems);
            SANITIZER.clean(doc.body());
        }
        Element body = doc.body();
        normalizeAdmonitions(body, labels);
        Set<String> anchors = new LinkedHashSet<>();
        List<TocEntry> toc = anchorHeadings(body, anchors);
        List<LinkRef> links = new ArrayList<>();
        rewriteLinks(page, body, links, problems);
        rewriteImages(page, body, links, problems);
        lowerCaseCodeLanguages(body);
        body.select(SOURCE_LINES).removeAttr(MarkdownRenderer.LINE_ATTRIBUTE);

        List<TextSection> sections = TextExtractor.sections(body);
        String excerpt = TextExtractor.excerpt(sections, 200);
        List<FaqEntry> faq = List.of();
        // Sized like flexmark's output, which it is close to: jsoup's own builder grows a long body by copying it.
        String bodyHtml = body.html(new StringBuilder(html.length() + html.length() / 8)).toString();
        String introHtml = bodyHtml;
        if (page.isFaq() && page.kind() == PageKind.ARTICLE) {
            FaqSplit split = splitFaq(body);
            faq = split.entries();
            introHtml = split.introHtml();
        }
        return new ProcessedHtml(bodyHtml, introHtml, faq, toc, sections, links, anchors, excerpt);
    }

    private record FaqSplit(String introHtml, List<FaqEntry> entries) {
    }

    private void warnAboutUnsafeHtml(Page page, Document doc, List<Problem> problems) {
        Set<String> removed = new TreeSet<>();
        for (Element e : doc.body().getAllElements()) {
            String tag = e.normalName();
            if (UNSAFE_TAGS.contains(tag)) {
                removed.add("<" + tag + ">");
            }
            e.attributes().forEach(a -> {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style")) {
                    removed.add(key.startsWith("on") ? "event handlers (" + key + ")" : "style attributes");
                }
                if ((key.equals("href") || key.equals("src")) && a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    removed.add("javascript: links");
                }
            });
        }
        if (!removed.isEmpty()) {
            String first = removed.iterator().next();
            int line = lineOf(page, first.startsWith("<") ? first.substring(0, first.length() - 1) : "");
            problems.add(Problem.warning(page.source(), line, "raw HTML removed: " + String.join(", ", removed)
                    + "; set 'markdown: {trustedHtml: true}' in pharos.yml only if every writer is trusted"));
        }
    }

    private static void normalizeAdmonitions(Element body, Function<String, String> labels) {
        for (Element block : body.select(ADMONITION_BLOCKS)) {
            String kind = block.classNames().stream().filter(c -> c.startsWith("adm-") && !c.equals("adm-block"))
                    .map(c -> c.substring(4)).findFirst().orElse("note");
            Element heading = block.selectFirst(ADMONITION_HEADING);
            String title = heading == null ? "" : heading.text().strip();
            if (title.equalsIgnoreCase(kind)) {
                title = "";
            }
            Element content = block.selectFirst(ADMONITION_BODY);
            Element aside = admonition(kind, title, labels);
            if (content != null) {
                aside.insertChildren(-1, new ArrayList<>(content.childNodes()));
            }
            block.replaceWith(aside);
        }
        for (Element quote : body.select(BLOCKQUOTES)) {
            Element first = quote.firstElementChild();
            if (first == null || !first.normalName().equals("p") || first.childNodeSize() == 0
                    || !(first.childNode(0) instanceof TextNode text)) {
                continue;
            }
            var m = GITHUB_ALERT.matcher(text.getWholeText());
            if (!m.find()) {
                continue;
            }
            String kind = m.group(1).toLowerCase(Locale.ROOT);
            text.text(text.getWholeText().substring(m.end()));
            if (first.text().isBlank() && first.select(IMAGES).isEmpty()) {
                first.remove();
            }
            Element aside = admonition(kind, "", labels);
            aside.insertChildren(-1, new ArrayList<>(quote.childNodes()));
            quote.replaceWith(aside);
        }
    }

    private static Element admonition(String kind, String title, Function<String, String> labels) {
        String shown = title.isEmpty() ? labels.apply("admonition." + kind) : title;
        Element aside = new Element("aside").addClass("admonition").addClass("admonition-" + kind).attr("role", "note");
        aside.appendElement("p").addClass("admonition-title").text(shown);
        return aside;
    }

    private static List<TocEntry> anchorHeadings(Element body, Set<String> anchors) {
        // HeadingBlocks changes headings in place: the same elements serve the table of contents below.
        List<Element> headings = body.select(HEADINGS);
        headings.forEach(HeadingBlocks::apply);
        for (Element e : body.select(WITH_ID)) {
            anchors.add(e.id());
        }
        record Flat(int level, String id, String text) {
        }
        List<Flat> flat = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (Element h : headings) {
            String id = h.id();
            if (id.isEmpty()) {
                String base = Slugs.anchor(h.text());
                if (base.isEmpty()) {
                    base = "section";
                }
                id = base;
                int n = used.getOrDefault(base, 0);
                while (anchors.contains(id)) {
                    n++;
                    id = base + "-" + n;
                }
                used.put(base, n);
                h.id(id);
                anchors.add(id);
            }
            int level = h.normalName().charAt(1) - '0';
            if (level == 2 || level == 3) {
                flat.add(new Flat(level, id, h.text().strip()));
            }
        }
        List<TocEntry> out = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            Flat f = flat.get(i);
            if (f.level() == 2 || out.isEmpty()) {
                List<TocEntry> children = new ArrayList<>();
                int j = i + 1;
                while (f.level() == 2 && j < flat.size() && flat.get(j).level() == 3) {
                    children.add(new TocEntry(3, flat.get(j).id(), flat.get(j).text(), List.of()));
                    j++;
                }
                out.add(new TocEntry(f.level(), f.id(), f.text(), children));
                i = j - 1;
            } else {
                out.add(new TocEntry(f.level(), f.id(), f.text(), List.of()));
            }
        }
        return out;
    }

    private void rewriteLinks(Page page, Element body, List<LinkRef> links, List<Problem> problems) {
        for (Element a : body.select(LINKS)) {
            String href = a.attr("href").strip();
            int line = line(page, a, href);
            if (href.isEmpty() || href.startsWith("#")) {
                links.add(new LinkRef(line, href, href.isEmpty() ? null : page.url(), href.isEmpty() ? "" : href.substring(1), false, true));
                continue;
            }
            if (SCHEME.matcher(href).find() || href.startsWith("//")) {
                if (href.startsWith("http") || href.startsWith("//")) {
                    a.attr("rel", "noopener");
                }
                links.add(new LinkRef(line, href, null, "", false, true));
                continue;
            }
            String[] split = splitFragment(href);
            String path = split[0];
            String fragment = split[1];
            if (path.startsWith("/")) {
                links.add(new LinkRef(line, href, path, fragment, false, true));
                continue;
            }
            Optional<String> resolved = resolveRelative(page, path);
            if (resolved.isEmpty()) {
                links.add(new LinkRef(line, href, null, fragment, false, false));
                continue;
            }
            Optional<Page> target = pageFor(resolved.get(), path);
            if (target.isPresent()) {
                Page reader = site.page(page.locale(), target.get().id()).orElse(target.get());
                boolean sameText = reader.contentLocale().equals(target.get().contentLocale());
                String keep = sameText || fragment.isEmpty() ? fragment : "";
                a.attr("href", reader.url() + (keep.isEmpty() ? "" : "#" + keep));
                links.add(new LinkRef(line, href, reader.url(), keep, false, true));
                continue;
            }
            Resource resource = resources.get(resolved.get());
            if (resource != null) {
                String url = site.config().basePath() + resource.outputPath();
                a.attr("href", url + (fragment.isEmpty() ? "" : "#" + fragment));
                links.add(new LinkRef(line, href, url, fragment, false, true));
                continue;
            }
            boolean markdown = isMarkdown(path);
            problems.add(Problem.warning(page.source(), line, (markdown ? "link to '" + href + "' points to no page"
                    : "link to '" + href + "' points to no file") + "; check the path (it is relative to this file)"));
            links.add(new LinkRef(line, href, null, fragment, false, false));
        }
    }

    private void rewriteImages(Page page, Element body, List<LinkRef> links, List<Problem> problems) {
        for (Element img : body.select(IMAGE_SOURCES)) {
            String src = img.attr("src").strip();
            int line = line(page, img, src);
            img.attr("loading", "lazy");
            img.attr("decoding", "async");
            if (SCHEME.matcher(src).find() || src.startsWith("//")) {
                links.add(new LinkRef(line, src, null, "", true, true));
                continue;
            }
            if (src.startsWith("/")) {
                links.add(new LinkRef(line, src, src, "", true, true));
                continue;
            }
            Optional<String> resolved = resolveRelative(page, splitFragment(src)[0]);
            Resource resource = resolved.map(resources::get).orElse(null);
            if (resource == null) {
                problems.add(Problem.warning(page.source(), line, "image '" + src
                        + "' not found; put the file beside the article or fix the path"));
                links.add(new LinkRef(line, src, null, "", true, false));
                continue;
            }
            String url = site.config().basePath() + resource.outputPath();
            img.attr("src", url);
            if (!img.hasAttr("width") && !img.hasAttr("height")) {
                imageSizes.of(resource.path()).ifPresent(size -> {
                    img.attr("width", String.valueOf(size.width()));
                    img.attr("height", String.valueOf(size.height()));
                });
            }
            links.add(new LinkRef(line, src, url, "", true, true));
        }
    }

    private static void lowerCaseCodeLanguages(Element body) {
        for (Element code : body.select(CODE_WITH_CLASS)) {
            String cls = code.className();
            String lower = cls.toLowerCase(Locale.ROOT);
            if (!cls.equals(lower)) {
                code.attr("class", lower);
            }
        }
    }

    private static FaqSplit splitFaq(Element body) {
        StringBuilder intro = new StringBuilder();
        List<FaqEntry> entries = new ArrayList<>();
        Element question = null;
        StringBuilder answer = new StringBuilder();
        StringBuilder answerText = new StringBuilder();
        for (Node node : body.childNodes()) {
            if (node instanceof Element e && e.normalName().equals("h2")) {
                if (question != null) {
                    entries.add(new FaqEntry(question.id(), question.text(), answer.toString().strip(), answerText.toString().strip()));
                }
                question = e;
                answer.setLength(0);
                answerText.setLength(0);
                continue;
            }
            if (question == null) {
                intro.append(node.outerHtml());
            } else {
                answer.append(node.outerHtml());
                if (node instanceof Element e) {
                    answerText.append(e.text()).append(' ');
                } else if (node instanceof TextNode t) {
                    answerText.append(t.text());
                }
            }
        }
        if (question != null) {
            entries.add(new FaqEntry(question.id(), question.text(), answer.toString().strip(), answerText.toString().strip()));
        }
        return new FaqSplit(intro.toString().strip(), entries);
    }

    /** The source path a relative link points to, relative to the content root ({@code en/fees/x.md}). */
    private static Optional<String> resolveRelative(Page page, String path) {
        if (page.source() == null || path.isEmpty()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = path;
        }
        String dir = page.source().contains("/") ? page.source().substring(0, page.source().lastIndexOf('/')) : "";
        List<String> parts = new ArrayList<>(dir.isEmpty() ? List.of() : List.of(dir.split("/")));
        for (String part : decoded.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        String joined = String.join("/", parts);
        return Optional.of(decoded.endsWith("/") ? joined + "/" : joined);
    }

    /**
     * The page a resolved source path names, or the same path in another locale's folder: a translation may link
     * to an article that exists only in the default language (the reader then gets its fallback page).
     */
    private Optional<Page> pageFor(String resolved, String asWritten) {
        Optional<Page> direct = pageInFolder(resolved, asWritten);
        if (direct.isPresent() || !resolved.contains("/")) {
            return direct;
        }
        String rest = resolved.substring(resolved.indexOf('/'));
        for (var locale : site.config().locales()) {
            Optional<Page> other = pageInFolder(locale.folder() + rest, asWritten);
            if (other.isPresent()) {
                return other;
            }
        }
        return Optional.empty();
    }

    /** The page a source path names: {@code x.md}, or a folder's {@code _index.md}/{@code index.md}. */
    private Optional<Page> pageInFolder(String resolved, String asWritten) {
        if (isMarkdown(resolved)) {
            return site.bySource(resolved);
        }
        String folder = resolved.endsWith("/") ? resolved : resolved + "/";
        if (asWritten.endsWith("/") || !asWritten.contains(".")) {
            return site.bySource(folder + "_index.md").or(() -> site.bySource(folder + "index.md"))
                    .or(() -> site.bySource(resolved.replaceAll("/$", "") + ".md"));
        }
        return Optional.empty();
    }

    private static boolean isMarkdown(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown");
    }

    private static String[] splitFragment(String href) {
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        try {
            fragment = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep it as written
        }
        return new String[] {path, fragment};
    }

    private static int line(Page page, Element e, String needle) {
        String attr = e.attr(MarkdownRenderer.LINE_ATTRIBUTE);
        if (!attr.isEmpty()) {
            try {
                return Integer.parseInt(attr);
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return lineOf(page, needle);
    }

    /** The file line of the first occurrence of a string in the page body; raw HTML carries no line of its own. */
    private static int lineOf(Page page, String needle) {
        if (needle.isEmpty()) {
            return page.bodyLine();
        }
        int at = page.markdown().indexOf(needle);
        if (at < 0) {
            return page.bodyLine();
        }
        return page.bodyLine() + TextFiles.linesBefore(page.markdown(), at);
    }
}
