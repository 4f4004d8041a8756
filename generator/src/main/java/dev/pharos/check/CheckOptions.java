package dev.pharos.check;

import java.nio.file.Path;
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
 */
public record CheckOptions(Path source, boolean drafts, boolean strict, boolean git, LocalDate today) {

    public CheckOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(today, "today");
    }

    public static CheckOptions of(Path source) {
        return new CheckOptions(source, false, false, true, LocalDate.now(ZoneOffset.UTC));
    }

    public CheckOptions withDrafts(boolean include) {
        return new CheckOptions(source, include, strict, git, today);
    }

    public CheckOptions withStrict(boolean value) {
        return new CheckOptions(source, drafts, value, git, today);
    }

    public CheckOptions withGit(boolean value) {
        return new CheckOptions(source, drafts, strict, value, today);
    }

    public CheckOptions withToday(LocalDate date) {
        return new CheckOptions(source, drafts, strict, git, date);
    }
}
