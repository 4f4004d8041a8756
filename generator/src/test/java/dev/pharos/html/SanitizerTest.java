package dev.pharos.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.TestSites;
import dev.pharos.markdown.MarkdownRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-place sanitizer must leave exactly what jsoup's {@link Cleaner} leaves, on hostile and on real HTML. */
class SanitizerTest {

    private static final Sanitizer SANITIZER = new Sanitizer(HtmlPostProcessor.SAFELIST);

    private static String inPlace(String html) {
        Document doc = parse(html);
        SANITIZER.clean(doc.body());
        return doc.body().html();
    }

    private static String cleaner(String html) {
        Document doc = parse(html);
        Document clean = new Cleaner(HtmlPostProcessor.SAFELIST).clean(doc);
        clean.outputSettings(doc.outputSettings());
        return clean.body().html();
    }

    private static Document parse(String html) {
        Document doc = Jsoup.parseBodyFragment(html, "https://pharos.invalid/");
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset(StandardCharsets.UTF_8);
        return doc;
    }

    /** Filter-evasion vectors in the style of OWASP's cheat sheet, and the HTML writers really paste. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>after",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<iframe src=http://xss.rocks/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<svg/onload=alert('XSS')>",
        "<svg><script>alert(1)</script><![CDATA[x>y<img src=x onerror=alert(1)>]]></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<BGSOUND SRC=\"javascript:alert('XSS');\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><tr><td style=\"x:expression(alert(1))\">c</td></tr></TABLE>",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">d</DIV>",
        "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a><a href=\"  https://ok.example/\">ok</a><a href=\"#top\">t</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>",
        "<form action=javascript:alert(1)><button formaction=javascript:alert(2)>b</button><textarea><b>t</b></textarea></form>",
        "<details open ontoggle=alert(1)><summary>s</summary>x</details>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<p>Keep <b>bold</b>, <kbd>Ctrl</kbd>, <mark>m</mark> and <span class=x lang=en dir=rtl id=y data-line=3>span</span></p>",
        "<table><thead><tr><th align=left scope=col>h</th></tr></thead><tbody><tr><td colspan=2>c</td></tr></tbody></table>",
        "<ol start=3 reversed><li><input type=checkbox checked disabled onclick=x()> task</li></ol>",
        "<picture><source srcset=\"javascript:alert(1)\"><source srcset=\"https://ok.example/a.webp\" type=image/webp><img src=a.png alt=a></picture>",
        "text <!-- a comment --> more <?php echo 1 ?> end",
        "<div><div><div><script>deep()</script><i>deep</i></div></div></div>",
        // Relative links take a shortcut past the safelist's URL resolution: each kind must get its verdict.
        "<a href=\"../x/y.md#a-b\">r</a><a href=\"?q=1&amp;p=2\">q</a><a href=\"#\">h</a><img src=\"img/a%20b.png\">"
            + "<a href=\"监控/页面#标题\">z</a><a href=\"//evil.example/x\">p</a><a href=\"a:b\">c</a><q cite=\"x/y\">q</q>"
            + "<blockquote cite=\"/z\">b</blockquote><img src=\"/a.png\" longdesc=\"d.html\"><span title=\"a/b\">t</span>",
        // So do absolute http(s) links, also those java.net.URL cannot parse.
        "<a href=\"https://ok.example/a?b=c#d\">a</a><a href=\"http://ok.example\">b</a><img src=\"https://cdn.example/x.png\">"
            + "<img src=\"http://cdn.example/y.png\"><a href=\"https://host:port/\">p</a><a href=\"https://exa mple.com/a b\">s</a>"
            + "<a href=\"https://\">e</a><a href=\"https:///path\">t</a><a href=\"http://[::1/\">v</a><a href=\"HTTPS://UP.example/\">u</a>"
            + "<a href=\"https://x.example/&#1;y\">c</a><q cite=\"https://q.example/\">q</q><blockquote cite=\"http://b.example/\">b</blockquote>"
            + "<source srcset=\"https://s.example/a.webp 2x\"><span title=\"https://t.example/\">t</span><a href=\"https:javascript:x\">j</a>"
    })
    void givesWhatTheCleanerGives(String html) {
        String ours = inPlace(html);
        assertThat(ours).isEqualTo(cleaner(html));
        // What a browser would build from the output: no script, no handler, no script URL, no comment.
        Document reparsed = Jsoup.parseBodyFragment(ours);
        assertThat(reparsed.select("script, style, iframe, object, svg, math, form, base, meta, link")).isEmpty();
        reparsed.getAllElements().forEach(e -> e.attributes().forEach(a -> {
            assertThat(a.getKey()).doesNotStartWithIgnoringCase("on").isNotEqualToIgnoringCase("style");
            assertThat(a.getValue().strip().toLowerCase()).doesNotStartWith("javascript:").doesNotStartWith("data:");
        }));
        assertThat(ours).doesNotContain("<!--", "<![CDATA[");
    }

    /** Every page of a real corpus (raw HTML, Hugo shortcodes, tables) through flexmark: the same bytes. */
    @Test
    void givesWhatTheCleanerGivesOnEveryPageOfTheCorpus() throws IOException {
        MarkdownRenderer markdown = new MarkdownRenderer();
        List<Path> files = TestSites.markdownFiles("cloudwego");
        assertThat(files).hasSizeGreaterThan(900);
        int withRawHtml = 0;
        for (Path file : files) {
            String html = markdown.render(Files.readString(file), file.toString(), 1, new ArrayList<>());
            if (html.contains("<div") || html.contains("<img") || html.contains("<br")) {
                withRawHtml++;
            }
            assertThat(inPlace(html)).as(file.toString()).isEqualTo(cleaner(html));
        }
        assertThat(withRawHtml).isGreaterThan(50);
    }
}
