package dev.pharos.internal;

import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

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
        run(items.size(), i -> {
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

    /**
     * {@code function} applied to every item in parallel, the results in list order. When items fail, the failure
     * of the first of them in list order is rethrown, after every item is done.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        Object[] results = new Object[items.size()];
        Throwable[] failures = new Throwable[items.size()];
        run(items.size(), i -> {
            try {
                results[i] = function.apply(items.get(i));
            } catch (Throwable t) {
                failures[i] = t;
            }
        });
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return list;
    }

    /** Runs two tasks side by side, as {@link #map} runs items: both finish before a failure is rethrown. */
    public static void both(Runnable first, Runnable second) {
        map(List.of(first, second), task -> {
            task.run();
            return Boolean.TRUE;
        });
    }

    /**
     * Runs {@code body} once for each index below {@code count}, on the caller's thread and the common pool's, each
     * thread taking the next index as it finishes one. Why not a parallel stream: it cuts the range into a few large
     * blocks up front (a quarter of the items each on two cores), and when the blocks take unequal time the last one
     * ran alone for seconds on a large site while the other core waited.
     */
    private static void run(int count, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                body.accept(i);
            }
        };
        ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[Math.max(0, Math.min(count - 1, ForkJoinPool.getCommonPoolParallelism()))];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = ForkJoinTask.adapt(worker).fork();
        }
        worker.run();
        for (ForkJoinTask<?> helper : helpers) {
            helper.join();
        }
    }
}
