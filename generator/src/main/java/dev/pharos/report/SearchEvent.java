package dev.pharos.report;

import java.time.Instant;

/**
 * One line of a search log: a settled search, or a result opened after one.
 *
 * @param results the number of results the reader saw, or -1 when the log cannot know (an access log)
 * @param opened  the site path of the opened result, or null for a search
 * @param rank    the 1-based place of the opened result, or 0
 * @param file    the log it came from, for messages
 * @param line    its 1-based line
 */
public record SearchEvent(Instant time, String locale, String query, int results, String opened, int rank,
        Source source, String file, int line) {

    /** Where an event was read from: the search beacon's JSON lines, or a web server's access log. */
    public enum Source { BEACON, ACCESS_LOG }

    public boolean isOpen() {
        return opened != null;
    }

    public boolean resultsKnown() {
        return results >= 0;
    }
}
