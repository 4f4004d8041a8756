package dev.pharos.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Sanitizes a parsed body in place, with the result jsoup's {@link Cleaner} gives: elements the safelist does not
 * allow are replaced by their children, attributes it does not allow (and links with other protocols) are dropped,
 * the text of unsafe elements such as {@code <script>} is dropped, and comments go.
 *
 * <p>Why not the {@link Cleaner} itself: it copies every node into a new document, a fifth of the HTML stage of
 * every page. Pages are checked against the {@link Cleaner} in tests, with the usual filter-evasion vectors.
 */
final class Sanitizer {

    private final Safelist safelist;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    Sanitizer(Safelist safelist) {
        this.safelist = safelist;
    }

    /** Sanitizes the children of {@code root}; {@code root} itself keeps its tag and loses its attributes. */
    void clean(Element root) {
        root.clearAttributes();
        List<Element> unwrap = new ArrayList<>();
        List<Node> remove = new ArrayList<>();
        List<CDataNode> cdata = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node == root) {
                return;
            }
            if (node instanceof Element element) {
                if (safelist.isSafeTag(element.normalName())) {
                    keepSafeAttributes(element);
                } else {
                    unwrap.add(element);
                }
            } else if (node instanceof CDataNode data) {
                // Written out raw, "<![CDATA[" is a bogus comment in HTML that ends at the first ">": plain text.
                cdata.add(data);
            } else if (node instanceof DataNode) {
                if (!safelist.isSafeTag(((Element) node.parentNode()).normalName())) {
                    remove.add(node);
                }
            } else if (!(node instanceof TextNode)) {
                remove.add(node); // comments, doctypes, processing instructions
            }
        }, root);
        for (CDataNode data : cdata) {
            data.replaceWith(new TextNode(data.getWholeText()));
        }
        for (Node node : remove) {
            node.remove();
        }
        for (Element element : unwrap) {
            element.unwrap();
        }
    }

    /**
     * The safelist's verdict. For a link that is plainly relative (no colon, so no scheme of its own) the verdict is
     * that of any other relative link on the same tag and attribute: it resolves against the page's base URI with
     * that URI's scheme. For a link that starts with {@code http://} or {@code https://} it is that of any other
     * link with the scheme: the safelist tests the scheme of the link made absolute, or of the link as written when
     * it cannot be, and both start with the scheme written. Asked once per tag, attribute, base URI and kind: the
     * safelist resolves every link into an absolute URL, which was most of the sanitizer's time.
     *
     * <p>This holds for a safelist whose verdict on a link depends on nothing but its scheme, as on one without
     * enforced attributes ({@link HtmlPostProcessor#SAFELIST}).
     */
    private boolean isSafeAttribute(String tag, Element element, Attribute attribute) {
        String value = attribute.getValue();
        String probeValue = isPlainlyRelative(value) ? "relative/path"
                : value.startsWith("https://") ? "https://example.com/"
                : value.startsWith("http://") ? "http://example.com/"
                : null;
        if (probeValue == null) {
            return safelist.isSafeAttribute(tag, element, attribute);
        }
        String base = element.baseUri();
        String kind = tag + '\u0000' + attribute.getKey() + '\u0000' + base + '\u0000' + probeValue;
        return verdicts.computeIfAbsent(kind, k -> {
            Element probe = new Element(Tag.valueOf(tag), base);
            Attribute like = new Attribute(attribute.getKey(), probeValue);
            probe.attributes().put(like);
            return safelist.isSafeAttribute(tag, probe, like);
        });
    }

    /** Letters, digits and the path, query and fragment punctuation URLs use, not starting with "//". */
    static boolean isPlainlyRelative(String value) {
        if (value.isEmpty() || value.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/#%?=&+".indexOf(c) >= 0 || (c > 0x7F && Character.isLetterOrDigit(c));
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private void keepSafeAttributes(Element element) {
        String tag = element.tagName();
        if (element.attributesSize() > 0) {
            List<String> unsafe = null;
            for (Attribute attribute : element.attributes()) {
                if (!isSafeAttribute(tag, element, attribute)) {
                    if (unsafe == null) {
                        unsafe = new ArrayList<>();
                    }
                    unsafe.add(attribute.getKey());
                }
            }
            if (unsafe != null) {
                Attributes attributes = element.attributes();
                unsafe.forEach(attributes::remove);
            }
        }
        Attributes enforced = safelist.getEnforcedAttributes(tag);
        for (Attribute attribute : enforced) {
            element.attributes().removeIgnoreCase(attribute.getKey());
            element.attributes().put(attribute.getKey(), attribute.getValue());
        }
    }
}
