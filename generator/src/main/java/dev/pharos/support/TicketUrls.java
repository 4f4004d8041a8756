package dev.pharos.support;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds ticket URLs that stay under a length limit. Browsers, mail clients and proxies cut or refuse URLs much
 * over 2,000 characters, so an over-long draft is shortened: the reader's message first, then the details, then
 * the subject, each to the longest prefix that fits, ending in "…". Cuts fall between UTF-16 code points (never
 * inside a surrogate pair, and so never inside a percent-escape), at a space or line break when one is near.
 */
public final class TicketUrls {

    /** The default limit on a URL's length, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 2000;

    static final String ELLIPSIS = "\u2026";

    /** How far back from the cut a space or line break is looked for, so words stay whole. */
    static final int SOFT_BREAK = 20;

    private TicketUrls() {
    }

    private record Part(Function<TicketDraft, String> get, BiFunction<TicketDraft, String, TicketDraft> set) {
    }

    private static final List<Part> TRIM_ORDER = List.of(
            new Part(TicketDraft::message, TicketDraft::withMessage),
            new Part(TicketDraft::details, TicketDraft::withDetails),
            new Part(TicketDraft::subject, TicketDraft::withSubject));

    /** The provider's URL for the draft, at most {@code maxLength} characters unless its fixed part alone is longer. */
    public static String url(TicketProvider provider, TicketDraft draft, int maxLength) {
        String full = provider.build(draft);
        if (full.length() <= maxLength || !provider.prefills()) {
            return full;
        }
        TicketDraft current = draft;
        for (Part part : TRIM_ORDER) {
            TicketDraft without = part.set().apply(current, "");
            if (provider.build(without).length() > maxLength) {
                current = without;
                continue;
            }
            String text = part.get().apply(current);
            int lo = 0;
            int hi = text.length() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (provider.build(part.set().apply(current, cut(text, mid))).length() <= maxLength) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return provider.build(part.set().apply(current, cut(text, lo)));
        }
        return provider.build(current);
    }

    /**
     * The first {@code n} UTF-16 units of {@code text} (one fewer if that would split a surrogate pair), shortened
     * to a space or line break within the last {@link #SOFT_BREAK} units unless the cut already falls before one,
     * with "…" added; empty for {@code n == 0}.
     */
    static String cut(String text, int n) {
        if (n <= 0) {
            return "";
        }
        int end = Math.min(n, text.length());
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        boolean atBreak = end == text.length() || text.charAt(end) == ' ' || text.charAt(end) == '\n';
        for (int i = end - 1; !atBreak && i > 0 && i >= end - SOFT_BREAK; i--) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                end = i;
                break;
            }
        }
        String prefix = TicketDraft.trim(text.substring(0, end));
        return prefix.isEmpty() ? "" : prefix + ELLIPSIS;
    }
}
