package dev.pharos.check;

import dev.pharos.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of {@code pharos check}: every finding, which files each check looked at (so CI can show passing
 * tests too), the translation coverage table and the stale articles.
 *
 * @param findings     every problem, sorted by file, line and check
 * @param checked      for each check, the files it examined, sorted
 * @param translations one row per locale other than the default one
 * @param stale        articles past their review date, oldest first
 */
public record CheckReport(List<Finding> findings, Map<String, Set<String>> checked, List<Coverage> translations,
        List<Stale> stale) {

    /** The checks, in the order they are reported. */
    public static final List<String> CHECKS = List.of("content", "front-matter", "links", "images", "urls", "orphans",
            "translations", "freshness", "codes");

    public CheckReport {
        findings = List.copyOf(findings);
        checked = Map.copyOf(checked);
        translations = List.copyOf(translations);
        stale = List.copyOf(stale);
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    public boolean failed() {
        return errors() > 0;
    }

    public List<Problem> problems() {
        return findings.stream().map(Finding::problem).toList();
    }

    /**
     * How far one locale's translation is.
     *
     * @param locale     the locale code
     * @param sources    articles in the default locale
     * @param translated of those, how many this locale has a file for
     * @param missing    source files with no translation, sorted
     * @param outdated   translations older than their source
     */
    public record Coverage(String locale, int sources, int translated, List<String> missing, List<Outdated> outdated) {
        public Coverage {
            missing = List.copyOf(missing);
            outdated = List.copyOf(outdated);
        }

        /** Translated and up to date, in whole percent of the sources. */
        public int percentCurrent() {
            return sources == 0 ? 100 : (int) Math.floor(100.0 * (translated - outdated.size()) / sources);
        }
    }

    /**
     * A translation whose source changed after it.
     *
     * @param file            the translation
     * @param source          the default-locale file it translates
     * @param sourceDate      when the source last changed
     * @param translationDate when the translation last changed
     */
    public record Outdated(String file, String source, LocalDate sourceDate, LocalDate translationDate) {
    }

    /**
     * An article not reviewed within its section's {@code maxAgeDays}.
     *
     * @param file       the article
     * @param date       its {@code reviewed}, {@code lastmod}/{@code updated} or last commit date
     * @param ageDays    days since then
     * @param maxAgeDays the limit that applies to it
     */
    public record Stale(String file, LocalDate date, long ageDays, long maxAgeDays) {
    }
}
