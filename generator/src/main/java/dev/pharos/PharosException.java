package dev.pharos;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input cannot be built. Carries every error found (not just the first), so a writer can fix them in one go.
 * The message lists them one per line in {@code file:line: error: what to do} form.
 */
public class PharosException extends Exception {

    private final transient List<Problem> problems;

    public PharosException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public PharosException(Problem problem) {
        this(List.of(problem));
    }

    /** Problems of which one came from an unexpected failure ({@code cause}, shown with {@code --verbose}). */
    public PharosException(List<Problem> problems, Throwable cause) {
        super(render(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public PharosException(Problem problem, Throwable cause) {
        super(render(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, errors and the warnings that came with them, in file and line order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        return problems.stream().sorted(Problem.ORDER).map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
