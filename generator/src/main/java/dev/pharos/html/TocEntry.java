package dev.pharos.html;

import java.util.List;

/** One heading in an article's table of contents, with the headings nested under it. */
public record TocEntry(int level, String id, String text, List<TocEntry> children) {
    public TocEntry {
        children = List.copyOf(children);
    }
}
