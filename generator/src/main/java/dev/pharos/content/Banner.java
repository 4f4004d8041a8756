package dev.pharos.content;

import dev.pharos.internal.ConfigReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The site-wide banner of an announcement (an incident, a known issue): {@code banner: true}, {@code expires} (an
 * ISO-8601 time with a time zone), {@code severity: info | warning | critical} and {@code status: active |
 * resolved}. The banner shows on every page of its locale while it is active and not expired.
 *
 * @param enabled  {@code banner: true}
 * @param expires  when it stops showing
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param resolved {@code status: resolved}: the announcement stays, the banner goes
 */
public record Banner(boolean enabled, Instant expires, String severity, boolean resolved) {

    /** The section whose pages may carry a banner. */
    public static final String SECTION = "announcements";

    public static final List<String> SEVERITIES = List.of("info", "warning", "critical");
    public static final List<String> STATUSES = List.of("active", "resolved");

    /** Shown at {@code now}: on, not resolved, not yet expired. */
    public boolean showsAt(Instant now) {
        return enabled && !resolved && now.isBefore(expires);
    }

    /** Still marked active, but past its expiry: a writer forgot to resolve it ({@code pharos check} warns). */
    public boolean expiredButActive(Instant now) {
        return enabled && !resolved && !now.isBefore(expires);
    }

    /**
     * Reads and checks a page's banner keys, reporting mistakes on their lines. Nothing is read (or checked) when
     * the front matter has no {@code banner} key, or outside the announcements section, where {@code banner} is
     * the writer's own key ({@code banner: true} there is a warning).
     *
     * @param announcement whether the page is in the announcements section
     */
    public static Optional<Banner> read(ConfigReader values, boolean announcement) {
        if (!values.has("banner")) {
            return Optional.empty();
        }
        if (!announcement) {
            // Elsewhere 'banner' is the writer's own key for templates (a Hugo theme's banner image, say).
            if (Boolean.TRUE.equals(values.raw("banner"))) {
                values.warning("banner", "'banner: true' shows a banner only on pages in the " + SECTION
                        + " section; move the page to " + SECTION + "/ or remove the key");
            }
            return Optional.empty();
        }
        boolean enabled = values.bool("banner", false);
        Instant expires = null;
        if (!values.has("expires")) {
            if (enabled) {
                values.error("banner", "a banner needs 'expires:', the time it stops showing, with a time zone"
                        + " (expires: 2026-12-31T18:00Z)");
            }
        } else {
            Object raw = values.raw("expires");
            Optional<Instant> instant = instant(raw);
            if (instant.isPresent()) {
                expires = instant.get();
            } else if (withoutZone(raw)) {
                values.error("expires", "'expires: " + raw + "' has no time zone; add one, such as "
                        + "2026-12-31T18:00Z (UTC) or 2026-12-31T18:00+08:00");
            } else {
                values.error("expires", "'expires' must be a time with a time zone, such as 2026-12-31T18:00Z, not '"
                        + raw + "'");
            }
        }
        String severity = "info";
        if (values.has("severity")) {
            String written = String.valueOf(values.raw("severity")).strip().toLowerCase(Locale.ROOT);
            if (SEVERITIES.contains(written)) {
                severity = written;
            } else {
                values.error("severity", "'severity' must be one of " + String.join(", ", SEVERITIES) + ", not '"
                        + values.raw("severity") + "'");
            }
        }
        boolean resolved = false;
        if (values.has("status")) {
            String written = String.valueOf(values.raw("status")).strip().toLowerCase(Locale.ROOT);
            if (STATUSES.contains(written)) {
                resolved = written.equals("resolved");
            } else {
                values.error("status", "'status' must be one of " + String.join(", ", STATUSES) + ", not '"
                        + values.raw("status") + "'");
            }
        }
        return expires == null ? Optional.empty() : Optional.of(new Banner(enabled, expires, severity, resolved));
    }

    /**
     * The banner of a loaded page, from its front matter (mistakes were reported when it was loaded; a banner with
     * one is left out). Empty for pages outside the announcements section.
     */
    public static Optional<Banner> of(Page page) {
        Map<String, Object> params = page.params();
        if (!(params.get("banner") instanceof Boolean enabled) || page.kind() != PageKind.ARTICLE
                || !page.id().startsWith(SECTION + "/")) {
            return Optional.empty();
        }
        Optional<Instant> expires = instant(params.get("expires"));
        String severity = params.get("severity") == null ? "info"
                : String.valueOf(params.get("severity")).strip().toLowerCase(Locale.ROOT);
        String status = params.get("status") == null ? "active"
                : String.valueOf(params.get("status")).strip().toLowerCase(Locale.ROOT);
        if (expires.isEmpty() || !SEVERITIES.contains(severity) || !STATUSES.contains(status)) {
            return Optional.empty();
        }
        return Optional.of(new Banner(enabled, expires.get(), severity, status.equals("resolved")));
    }

    /** An instant from a YAML value: a time with an offset or zone; nothing without one. */
    static Optional<Instant> instant(Object raw) {
        if (raw instanceof OffsetDateTime t) {
            return Optional.of(t.toInstant());
        }
        if (raw instanceof String s) {
            String text = s.strip().replace(' ', 'T');
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                return Optional.of(ZonedDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                // +0800 without a colon
                return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]xx"))
                        .toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean withoutZone(Object raw) {
        if (raw instanceof LocalDate || raw instanceof LocalDateTime) {
            return true;
        }
        if (raw instanceof String s) {
            String text = s.strip().replace(' ', 'T');
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                try {
                    LocalDate.parse(text);
                    return true;
                } catch (DateTimeParseException e2) {
                    return false;
                }
            }
        }
        return false;
    }
}
