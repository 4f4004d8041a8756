package dev.pharos.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a prefilled ticket is made of, in one language, and how they are put together. The same composition
 * runs in the browser ({@code composeDraft} in {@code tickets.js}) for the contact page's assistant.
 *
 * @param pair     how a label and its value are joined: {@code "{0}: {1}"}, or {@code "{0}：{1}"} in Chinese; also
 *                 the subject ("Withdrawals: Why is my withdrawal pending?")
 * @param problem  the label of the reader's own description ("Problem")
 * @param attach   the value of a detail that must be attached ("attach it to the ticket")
 * @param article  the label of the article's address ("Help article")
 * @param language the label of the reader's language ("Language")
 */
public record TicketText(String pair, String problem, String attach, String article, String language) {

    /**
     * The longest summary put into a subject, in UTF-16 units; longer ones are cut like over-long URLs. A subject
     * is a line in a list of tickets, and the full text is in the description anyway.
     */
    static final int SUMMARY_MAX = 80;

    private static final Pattern SLOT = Pattern.compile("\\{([01])}");

    /** One required detail as written into the ticket: a label, and whether it is an attachment. */
    public record Blank(String label, boolean attach) {
    }

    /**
     * A draft whose description is "Problem: …", then one labelled blank per required detail, then the article's
     * address and the reader's language.
     *
     * @param summary     what the subject says after the category: the article title or the reader's one line
     * @param message     the reader's words, or empty for a blank to fill in
     * @param localeLabel the language's name ({@code 简体中文}); the code is added in brackets
     * @param url         the article's canonical URL, or empty
     */
    public TicketDraft draft(String category, String categoryLabel, String summary, String message, List<Blank> blanks,
            String locale, String localeLabel, String url, String title) {
        String cleanSummary = TicketDraft.oneLine(summary);
        if (cleanSummary.length() > SUMMARY_MAX) {
            cleanSummary = TicketUrls.cut(cleanSummary, SUMMARY_MAX);
        }
        String subject = cleanSummary.isEmpty() ? categoryLabel : pair(categoryLabel, cleanSummary);
        List<String> lines = new ArrayList<>();
        for (Blank blank : blanks) {
            lines.add(pair(blank.label(), blank.attach() ? attach : ""));
        }
        if (!lines.isEmpty()) {
            lines.add("");
        }
        if (url != null && !url.isEmpty()) {
            lines.add(pair(article, url));
        }
        lines.add(pair(language, localeLabel + " (" + locale + ")"));
        return new TicketDraft(category, subject, pair(problem, TicketDraft.lines(message)), String.join("\n", lines),
                locale, url, title);
    }

    /** "Label: value"; with an empty value the line ends at the colon (a blank for the reader to fill in). */
    String pair(String label, String value) {
        // One pass, so a label holding "{1}" stays as written.
        Matcher m = SLOT.matcher(pair);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("0") ? label : value));
        }
        String line = m.appendTail(out).toString();
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }
}
