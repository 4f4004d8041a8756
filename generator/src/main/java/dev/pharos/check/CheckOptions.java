package dev.pharos.check;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What to check and how strictly.
 *
 * @param source the content root
 * @param drafts also check drafts and future-dated pages (they are always checked for front matter)
 * @param strict stale articles are errors instead of warnings
 * @param git    read each file's last commit date when the content is in a git repository
 * @param today  the date staleness is measured against; today (UTC) by default
 * @param now    the instant announcement banners are checked against (expired but still active); now by default
 */
public record CheckOptions(Path source, boolean drafts, boolean strict, boolean git, LocalDate today, Instant now) {

    public CheckOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(now, "now");
    }

    public static CheckOptions of(Path source) {
        Instant now = Instant.now();
        return new CheckOptions(source, false, false, true, LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    }

    public CheckOptions withDrafts(boolean include) {
        return new CheckOptions(source, include, strict, git, today, now);
    }

    public CheckOptions withStrict(boolean value) {
        return new CheckOptions(source, drafts, value, git, today, now);
    }

    public CheckOptions withGit(boolean value) {
        return new CheckOptions(source, drafts, strict, value, today, now);
    }

    /** Checks as on {@code date}: {@link #now} becomes its start (UTC), so tests do not depend on the clock. */
    public CheckOptions withToday(LocalDate date) {
        return new CheckOptions(source, drafts, strict, git, date, date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Checks as at {@code instant}; {@link #today} becomes its date (UTC). */
    public CheckOptions withNow(Instant instant) {
        return new CheckOptions(source, drafts, strict, git, LocalDate.ofInstant(instant, ZoneOffset.UTC), instant);
    }
}
