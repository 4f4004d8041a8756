package dev.pharos.build;

import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.content.Page;
import java.util.List;
import java.util.Map;

/**
 * A later pipeline stage plugged into the build (search, support): it validates its config, adds variables to
 * page models, and writes its own files once the pages are known.
 */
public interface BuildStage {

    /** A short name for timings and messages ({@code search}). */
    String name();

    /** Reads and validates the stage's config; problems (with {@code pharos.yml} lines) go to the list. */
    default void prepare(BuildContext context, List<Problem> problems) {
    }

    /**
     * Adds template variables for one page (thread-safe: called in parallel). {@code page} is null for generated
     * pages such as {@code search} and {@code contact}; {@code locale} is always set.
     */
    default void decorate(BuildContext context, Page page, String locale, Map<String, Object> model) {
    }

    /** Writes the stage's files and pages after every content page is rendered. */
    default void finish(BuildContext context) throws PharosException {
    }
}
