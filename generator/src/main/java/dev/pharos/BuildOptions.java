package dev.pharos;

import java.nio.file.Path;
import java.time.Instant;
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
 * @param now     the instant that decides which announcement banners still show; now by default
 * @param cache   a folder where processed page bodies are kept between builds (CI keeps it between runs), so that
 *                a build processes only the pages whose text, or whatever their HTML depends on, changed; the
 *                output is the same bytes as without it
 */
public record BuildOptions(Path source, Path output, Optional<Path> report, boolean drafts, Optional<String> baseUrl,
        LocalDate today, Instant now, Optional<Path> cache) {

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(cache, "cache");
    }

    /** Builds {@code source} into {@code output} with every default. */
    public static BuildOptions of(Path source, Path output) {
        Instant now = Instant.now();
        return new BuildOptions(source, output, Optional.empty(), false, Optional.empty(), LocalDate.ofInstant(now, ZoneOffset.UTC),
                now, Optional.empty());
    }

    public BuildOptions withReport(Path file) {
        return new BuildOptions(source, output, Optional.ofNullable(file), drafts, baseUrl, today, now, cache);
    }

    public BuildOptions withDrafts(boolean include) {
        return new BuildOptions(source, output, report, include, baseUrl, today, now, cache);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, report, drafts, Optional.ofNullable(url), today, now, cache);
    }

    /** Builds as on {@code date}: {@link #now} becomes its start (UTC), so tests do not depend on the clock. */
    public BuildOptions withToday(LocalDate date) {
        return new BuildOptions(source, output, report, drafts, baseUrl, date, date.atStartOfDay(ZoneOffset.UTC).toInstant(), cache);
    }

    /** Builds as at {@code instant}; {@link #today} becomes its date (UTC). */
    public BuildOptions withNow(Instant instant) {
        return new BuildOptions(source, output, report, drafts, baseUrl, LocalDate.ofInstant(instant, ZoneOffset.UTC), instant, cache);
    }

    /** Keeps processed page bodies in {@code folder} between builds (null: none). */
    public BuildOptions withCache(Path folder) {
        return new BuildOptions(source, output, report, drafts, baseUrl, today, now, Optional.ofNullable(folder));
    }
}
