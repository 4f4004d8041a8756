package dev.pharos.html;

import dev.pharos.internal.HeadingAttributes;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Takes the attribute block off the end of a heading ({@code {#withdraw-limit codes=E1023}}, see
 * {@link HeadingAttributes}) so readers never see it, and gives the heading the anchor it names.
 */
final class HeadingBlocks {

    private HeadingBlocks() {
    }

    static void apply(Element heading) {
        Node last = heading.childNodeSize() == 0 ? null : heading.childNode(heading.childNodeSize() - 1);
        if (!(last instanceof TextNode text)) {
            return;
        }
        Optional<HeadingAttributes.Block> block = HeadingAttributes.parse(text.getWholeText());
        if (block.isEmpty()) {
            return;
        }
        String rest = block.get().text().stripTrailing();
        if (rest.isEmpty()) {
            text.remove();
        } else {
            text.text(rest);
        }
        if (!block.get().id().isEmpty()) {
            heading.id(block.get().id());
        }
    }
}
