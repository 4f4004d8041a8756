package dev.pharos;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build and where.
 *
 * @param source  the content root: {@code pharos.yml} (optional) and a folder per locale
 * @param output  the site folder; replaced as a whole only when the build succeeds
 * @param report  where to write the JSON build report, if anywhere
 * @param drafts  include drafts and pages with a future {@code publishDate} (the dev server does)
 * @param baseUrl overrides {@code baseUrl} from {@code pharos.yml} when set ({@code /} for the dev server)
 * @param today   the date that decides what is published and what is stale; today (UTC) by default
 */
public record BuildOptions(Path source, Path output, Optional<Path> report, boolean drafts, Optional<String> baseUrl,
        LocalDate today) {

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(today, "today");
    }

    /** Builds {@code source} into {@code output} with every default. */
    public static BuildOptions of(Path source, Path output) {
        return new BuildOptions(source, output, Optional.empty(), false, Optional.empty(), LocalDate.now(ZoneOffset.UTC));
    }

    public BuildOptions withReport(Path file) {
        return new BuildOptions(source, output, Optional.ofNullable(file), drafts, baseUrl, today);
    }

    public BuildOptions withDrafts(boolean include) {
        return new BuildOptions(source, output, report, include, baseUrl, today);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, report, drafts, Optional.ofNullable(url), today);
    }

    public BuildOptions withToday(LocalDate date) {
        return new BuildOptions(source, output, report, drafts, baseUrl, date);
    }
}
