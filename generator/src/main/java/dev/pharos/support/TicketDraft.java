package dev.pharos.support;

/**
 * What a new ticket is prefilled with. The description is {@code message}, a blank line, then {@code details}; when
 * a URL would be too long the message is shortened first, then the details, then the subject.
 *
 * @param category the ticket category id ({@code withdrawals}); a provider maps it to its own form, tag or label
 * @param subject  one line; line breaks become spaces
 * @param message  the reader's problem ("Problem: ..."), the part most worth shortening
 * @param details  the labelled blanks for the required details, the article and the reader's language
 * @param locale   the reader's locale ({@code zh-CN})
 * @param url      the canonical URL of the article the reader came from, or empty
 * @param title    the article's title, or empty
 */
public record TicketDraft(String category, String subject, String message, String details, String locale, String url,
        String title) {

    public TicketDraft {
        category = category == null ? "" : category;
        subject = oneLine(subject);
        message = lines(message);
        details = lines(details);
        locale = locale == null ? "" : locale;
        url = url == null ? "" : url;
        title = oneLine(title);
    }

    /** The full description: message and details separated by a blank line. */
    public String description() {
        if (message.isEmpty()) {
            return details;
        }
        return details.isEmpty() ? message : message + "\n\n" + details;
    }

    TicketDraft withSubject(String value) {
        return new TicketDraft(category, value, message, details, locale, url, title);
    }

    TicketDraft withMessage(String value) {
        return new TicketDraft(category, subject, value, details, locale, url, title);
    }

    TicketDraft withDetails(String value) {
        return new TicketDraft(category, subject, message, value, locale, url, title);
    }

    /** Line breaks and tabs become single spaces; surrounding spaces go. */
    static String oneLine(String text) {
        return text == null ? "" : trim(text.replaceAll("[\\r\\n\\t]+", " "));
    }

    /** Line breaks become {@code \n}; surrounding blank space goes. */
    static String lines(String text) {
        return text == null ? "" : trim(text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /**
     * Trims ASCII space, tab, CR and LF only. Java's and JavaScript's notions of "whitespace" differ; the browser
     * module must shorten text to the same characters.
     */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
