package dev.pharos.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attribute block a writer may put at the end of a heading: {@code ## Why is my withdrawal limited?
 * {#withdraw-limit codes=E1023,E1024}}. {@code #id} sets the heading's anchor; {@code codes=} lists the error codes
 * that lead to it. A block is recognised when its first word is {@code #…} or {@code codes=…}; anything else in
 * braces ({@code ## Use {curly} braces}) stays part of the heading.
 */
public final class HeadingAttributes {

    private static final Pattern TRAILING_BLOCK = Pattern.compile("\\s*\\{([^{}]*)\\}\\s*\\z");

    /**
     * @param text    the heading without the block
     * @param id      the anchor written as {@code #id}, or empty
     * @param codes   the codes as written, in order
     * @param unknown words of the block Pharos does not understand
     */
    public record Block(String text, String id, List<String> codes, List<String> unknown) {
    }

    private HeadingAttributes() {
    }

    /** The block at the end of a heading's text, if there is one. */
    public static Optional<Block> parse(String heading) {
        Matcher m = TRAILING_BLOCK.matcher(heading);
        if (!m.find()) {
            return Optional.empty();
        }
        // "codes=A, B" is one word: spaces after commas are allowed.
        String inside = m.group(1).strip().replaceAll(",\\s+", ",");
        if (inside.isEmpty()) {
            return Optional.empty();
        }
        String[] words = inside.split("\\s+");
        if (!isAttribute(words[0])) {
            return Optional.empty();
        }
        String id = "";
        List<String> codes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("#") && word.length() > 1) {
                id = word.substring(1);
            } else if (word.toLowerCase(Locale.ROOT).startsWith("codes=")) {
                for (String code : word.substring("codes=".length()).split(",")) {
                    if (!code.isBlank()) {
                        codes.add(code.strip());
                    }
                }
            } else {
                unknown.add(word);
            }
        }
        return Optional.of(new Block(heading.substring(0, m.start()), id, List.copyOf(codes), List.copyOf(unknown)));
    }

    private static boolean isAttribute(String word) {
        return word.startsWith("#") && word.length() > 1 || word.toLowerCase(Locale.ROOT).startsWith("codes=");
    }
}
