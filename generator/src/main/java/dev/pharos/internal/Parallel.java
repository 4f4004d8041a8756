package dev.pharos.internal;

import dev.pharos.PharosException;
import dev.pharos.Problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a task for every item of a list in parallel, and returns only when every item is done, even when some fail.
 *
 * <p>Why not {@code list.parallelStream().forEach(...)}: when one item throws, the stream rethrows at once while the
 * items already started keep running. A failed build then deleted its staging folder while other pages were still
 * being written into it, leaving debris beside the site, and which error the writer saw depended on timing. Here every
 * item finishes, the writer gets every error (each once, in file and line order), and the result does not depend on
 * thread scheduling.
 */
public final class Parallel {

    private Parallel() {
    }

    /** Work on one item that can fail with problems a writer can fix. */
    @FunctionalInterface
    public interface Task<T> {
        void run(T item) throws PharosException;
    }

    /**
     * Runs {@code task} on every item. Afterwards, if any item failed with a bug (an unchecked exception or error),
     * the failure of the first such item in list order is rethrown; otherwise the problems of all failed items are
     * thrown together as one {@link PharosException}.
     */
    public static <T> void forEach(List<T> items, Task<? super T> task) throws PharosException {
        Throwable[] failures = new Throwable[items.size()];
        IntStream.range(0, items.size()).parallel().forEach(i -> {
            try {
                task.run(items.get(i));
            } catch (Throwable t) {
                failures[i] = t;
            }
        });
        LinkedHashSet<Problem> problems = new LinkedHashSet<>();
        PharosException only = null;
        int failed = 0;
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure instanceof PharosException e) {
                problems.addAll(e.problems());
                only = e;
                failed++;
            }
        }
        if (failed == 1) {
            throw only; // as it is, with its cause
        }
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Problem.ORDER);
            throw new PharosException(sorted);
        }
    }
}
