package dev.pharos.content;

import dev.pharos.Problem;
import dev.pharos.internal.ConfigReader;
import dev.pharos.internal.Yaml;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YAML block between {@code ---} lines at the top of a Markdown file, and the body after it.
 *
 * <p>The keys writers already know from Hugo are understood ({@code title}, {@code description}, {@code weight},
 * {@code tags}, {@code draft}, {@code date}/{@code lastmod}/{@code updated}, {@code aliases}, {@code type},
 * {@code summary}, {@code slug}); Pharos adds {@code ticket}, {@code reviewed}, {@code icon}, {@code urgent},
 * {@code freshness}, {@code codes} (error codes, see {@link ErrorCode}) and an announcement's banner
 * ({@code banner}, {@code expires}, {@code severity}, {@code status}, see {@link Banner}). Other keys are kept, with lower-cased names, for templates.
 */
public record FrontMatter(ConfigReader values, String body, int bodyLine, boolean broken) {

    /** Keys and the kind of value each takes; the checker validates against this list. */
    public static final Map<String, String> SCHEMA = Map.ofEntries(
            Map.entry("title", "text"), Map.entry("description", "text"), Map.entry("summary", "text"),
            Map.entry("weight", "number"), Map.entry("tags", "list"), Map.entry("keywords", "list"),
            Map.entry("categories", "list"), Map.entry("date", "date"), Map.entry("lastmod", "date"),
            Map.entry("updated", "date"), Map.entry("reviewed", "date"), Map.entry("publishdate", "date"),
            Map.entry("expirydate", "date"), Map.entry("draft", "boolean"), Map.entry("aliases", "list"),
            Map.entry("type", "text"), Map.entry("layout", "text"), Map.entry("ticket", "map"),
            Map.entry("slug", "text"), Map.entry("url", "text"), Map.entry("linktitle", "text"),
            Map.entry("author", "text"), Map.entry("authors", "list"), Map.entry("icon", "text"),
            Map.entry("urgent", "boolean"), Map.entry("freshness", "map"), Map.entry("toc", "boolean"),
            Map.entry("pinned", "boolean"), Map.entry("menu", "any"), Map.entry("translationkey", "text"),
            Map.entry("params", "map"), Map.entry("images", "list"), Map.entry("series", "list"),
            Map.entry("projects", "list"), Map.entry("feed", "boolean"), Map.entry("codes", "list"),
            // An announcement's banner (see Banner): checked there, since outside announcements they are free keys.
            Map.entry("banner", "any"), Map.entry("expires", "any"), Map.entry("severity", "any"),
            Map.entry("status", "any"));

    public static final Set<String> KNOWN_KEYS = SCHEMA.keySet();

    /**
     * Splits and parses a Markdown file. A file without front matter has an empty one; broken YAML is an error
     * and the file is then read as having no front matter, so later problems are still found.
     */
    public static FrontMatter parse(String text, String file, List<Problem> problems) {
        if (!text.startsWith("---")) {
            return empty(text, file, problems);
        }
        int firstNewline = text.indexOf('\n');
        if (firstNewline < 0 || !text.substring(0, firstNewline).strip().equals("---")) {
            return empty(text, file, problems);
        }
        int lineNo = 2;
        int pos = firstNewline + 1;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
            String trimmed = line.strip();
            if (trimmed.equals("---") || trimmed.equals("...")) {
                String yaml = text.substring(firstNewline + 1, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                try {
                    Yaml.Document document = Yaml.parse(yaml, 2);
                    if (document.root() != null && !(document.root() instanceof Map<?, ?>)) {
                        problems.add(Problem.error(file, 2, "front matter must be 'key: value' lines, such as 'title: ...'"));
                        return new FrontMatter(ConfigReader.of(file, new Yaml.Document(null, Map.of()), problems, 1), body, lineNo + 1, true);
                    }
                    return new FrontMatter(ConfigReader.of(file, document, problems, 1), body, lineNo + 1, false);
                } catch (Yaml.SyntaxError e) {
                    problems.add(Problem.error(file, e.line(), "front matter is not valid YAML: " + e.getMessage()));
                    return new FrontMatter(ConfigReader.of(file, new Yaml.Document(null, Map.of()), problems, 1), body, lineNo + 1, true);
                }
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            lineNo++;
        }
        problems.add(Problem.error(file, 1, "front matter starts with '---' on line 1 but is never closed; add a '---' line after it"));
        return new FrontMatter(ConfigReader.of(file, new Yaml.Document(null, Map.of()), new java.util.ArrayList<>(), 1), text, 1, true);
    }

    private static FrontMatter empty(String text, String file, List<Problem> problems) {
        return new FrontMatter(ConfigReader.of(file, new Yaml.Document(null, Map.of()), problems, 1), text, 1, false);
    }
}
