package dev.pharos.check;

import dev.pharos.Problem;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found by one check.
 *
 * @param check   the check's name: one of {@link CheckReport#CHECKS}
 * @param problem what is wrong, where
 */
public record Finding(String check, Problem problem) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::problem, Problem.ORDER)
            .thenComparing(Finding::check);

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(problem, "problem");
    }

    public boolean isError() {
        return problem.isError();
    }
}
