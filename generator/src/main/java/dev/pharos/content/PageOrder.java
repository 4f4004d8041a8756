package dev.pharos.content;

import java.util.Comparator;

/** Reading order inside a section: sections before articles, then weight, then title, then id. */
final class PageOrder {

    private PageOrder() {
    }

    static Comparator<Page> comparator() {
        return Comparator.comparing((Page p) -> p.kind() != PageKind.SECTION)
                .thenComparingLong(p -> p.weight() == 0 ? Long.MAX_VALUE : p.weight())
                .thenComparing(p -> p.title().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(Page::id);
    }
}
