package dev.pharos.imports;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * An article body from Zendesk (HTML) as Markdown, through flexmark's HTML-to-Markdown converter: headings, lists,
 * links, tables, code and images become Markdown; elements Markdown has no form for (iframes, forms, video) stay as
 * raw HTML blocks and are named in {@link Result#rawTags()} so the importer can warn.
 */
final class HtmlToMarkdown {

    /** Elements kept as HTML: Markdown cannot say them. */
    static final Set<String> RAW = Set.of("iframe", "form", "video", "audio", "object", "embed", "script", "style",
            "input", "select", "textarea", "button", "svg", "canvas");

    private static final String TOKEN = "PHAROSRAWHTMLBLOCK";

    private final FlexmarkHtmlConverter converter;

    HtmlToMarkdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
        options.set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false);
        options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false);
        options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false);
        options.set(FlexmarkHtmlConverter.NBSP_TEXT, " ");
        options.set(FlexmarkHtmlConverter.MAX_TRAILING_BLANK_LINES, 0);
        this.converter = FlexmarkHtmlConverter.builder(options).build();
    }

    /** The Markdown, and the raw tags it keeps, in the order of their first appearance. */
    record Result(String markdown, Set<String> rawTags) {
    }

    /**
     * @param html   the article body
     * @param images an image {@code src} to its new (relative) address, or null to leave it
     * @param links  a link's {@code href} to its new address, or null to leave it
     */
    Result convert(String html, Function<String, String> images, Function<String, String> links) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        for (Element img : doc.select("img[src]")) {
            String target = images.apply(img.attr("src"));
            if (target != null) {
                img.attr("src", target);
            }
        }
        for (Element a : doc.select("a[href]")) {
            String target = links.apply(a.attr("href"));
            if (target != null) {
                a.attr("href", target);
            }
        }
        // Code without a language: the converter indents <pre><code>, and fences a bare <pre>; writers expect fences.
        for (Element code : doc.select("pre > code")) {
            if (!code.className().contains("language-") && code.parent().childrenSize() == 1) {
                code.unwrap();
            }
        }
        List<String> raw = new ArrayList<>();
        Set<String> tags = new TreeSet<>();
        for (Element element : doc.body().select(String.join(",", RAW))) {
            if (element.parents().stream().anyMatch(p -> RAW.contains(p.normalName()))) {
                continue; // inside another raw element: kept with it
            }
            tags.add(element.normalName());
            raw.add(element.outerHtml());
            // Its own paragraph, so the HTML is a block of its own in the Markdown.
            Element holder = new Element("p").appendChild(new TextNode(TOKEN + (raw.size() - 1) + "X"));
            element.replaceWith(holder);
        }
        String markdown = converter.convert(doc.body());
        for (int i = 0; i < raw.size(); i++) {
            markdown = markdown.replace(TOKEN + i + "X", "\n" + raw.get(i).strip() + "\n");
        }
        markdown = markdown.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        return new Result(markdown.isEmpty() ? "" : markdown + "\n", tags);
    }
}
