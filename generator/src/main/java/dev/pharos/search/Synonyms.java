package dev.pharos.search;

import dev.pharos.Problem;
import dev.pharos.internal.TextFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A locale's synonyms file, {@code synonyms/<locale>.txt} under the content root: one group of interchangeable words
 * or phrases per line, separated by commas; {@code #} starts a comment.
 *
 * <pre>
 * # Moving money
 * withdraw, withdrawal, cash out
 * 提币, 提现, 取款
 * </pre>
 *
 * <p>Each entry is analyzed with the locale's chain, so a group holds term sequences ({@code cash out} becomes
 * {@code [cash, out]}, {@code 提现} becomes {@code [提现]}); the browser expands a query with them after analyzing it the
 * same way. A line that cannot be used is a warning with its line number, never a failed build.
 *
 * @param groups each group's distinct term sequences, in file order; groups with fewer than two are dropped
 */
public record Synonyms(List<List<List<String>>> groups) {

    public static final Synonyms NONE = new Synonyms(List.of());

    /** What separates a group's words: a comma, and the full-width comma and enumeration comma of Chinese keyboards. */
    public static final String SEPARATORS = "[,，、]";

    public Synonyms {
        groups = groups.stream().map(g -> g.stream().map(List::copyOf).toList()).toList();
    }

    /** The file of a locale, relative to the content root. */
    public static String fileName(String locale) {
        return "synonyms/" + locale + ".txt";
    }

    /** Reads a locale's file if it exists; problems name the file and line. */
    public static Synonyms load(Path contentRoot, String locale, Analysis analysis, List<Problem> problems) {
        String name = fileName(locale);
        Path file = contentRoot.resolve(name);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        String text;
        try {
            text = TextFiles.read(file, name);
        } catch (TextFiles.Unreadable e) {
            problems.add(Problem.warning(name, 0, "cannot read the synonyms: " + e.getMessage()));
            return NONE;
        }
        return parse(text, name, analysis, problems);
    }

    /** Parses the text of a synonyms file named {@code name} (for messages). */
    public static Synonyms parse(String text, String name, Analysis analysis, List<Problem> problems) {
        List<List<List<String>>> groups = new ArrayList<>();
        Map<List<String>, Integer> seenAt = new HashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(SEPARATORS, -1);
            if (parts.length < 2) {
                problems.add(Problem.warning(name, lineNo, "a synonym group needs two or more words separated by commas: '"
                        + line + "'"));
                continue;
            }
            Set<List<String>> group = new LinkedHashSet<>();
            for (String part : parts) {
                String entry = part.strip();
                if (entry.isEmpty()) {
                    problems.add(Problem.warning(name, lineNo, "empty entry between commas; remove the extra comma"));
                    continue;
                }
                List<String> terms = analysis.terms(entry);
                if (terms.isEmpty()) {
                    problems.add(Problem.warning(name, lineNo, "'" + entry
                            + "' has no searchable words (only stop words or punctuation); it is ignored"));
                    continue;
                }
                Integer earlier = seenAt.putIfAbsent(terms, lineNo);
                if (earlier != null && earlier != lineNo) {
                    problems.add(Problem.warning(name, lineNo, "'" + entry + "' is also in the group on line " + earlier
                            + "; a word belongs in one group, so this group and that one are searched separately"));
                }
                group.add(terms);
            }
            if (group.size() >= 2) {
                groups.add(List.copyOf(group));
            } else if (!group.isEmpty()) {
                problems.add(Problem.warning(name, lineNo, "every entry of this group means the same search words, so it changes nothing"));
            }
        }
        return new Synonyms(groups);
    }
}
