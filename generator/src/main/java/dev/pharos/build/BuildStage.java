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

    /**
     * Begins, beside the rendering of pages, work that needs only the processed bodies (the search index), so that
     * its single-threaded parts fill the cores the last pages leave idle. Called once {@link #prepare} found no
     * error, in a complete build whose page bodies fit in the heap (on a larger site the two would crowd it); when
     * it is not called, {@link #finish} does all the work.
     */
    default void start(BuildContext context) {
    }

    /** Writes the stage's files and pages after every content page is rendered. */
    default void finish(BuildContext context) throws PharosException {
    }

    /** Waits for what {@link #start} began when the build ends before {@link #finish}: no work outlives its build. */
    default void stop() {
    }
}
