package dev.pharos.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
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

    private void keepSafeAttributes(Element element) {
        String tag = element.tagName();
        if (element.attributesSize() > 0) {
            List<String> unsafe = null;
            for (Attribute attribute : element.attributes()) {
                if (!safelist.isSafeAttribute(tag, element, attribute)) {
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
