package dev.pharos;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something wrong with the input, pinned to a file and line so a writer can fix it.
 *
 * <p>{@code file} is relative to the content root, with forward slashes ({@code en/account/faq.md}), or
 * {@code null} when the problem is not about one file. {@code line} is 1-based; 0 means "the whole file".
 * {@link #toString()} renders the form writers and editors understand: {@code en/faq.md:12: error: ...}.
 */
public record Problem(Severity severity, String file, int line, String message) {

    /** How bad a problem is: errors fail the build, warnings are reported and the page is built anyway. */
    public enum Severity { ERROR, WARNING }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file())
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    public static Problem error(String file, int line, String message) {
        return new Problem(Severity.ERROR, file, line, message);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(Severity.WARNING, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The location part, {@code file:line}, {@code file} or empty. */
    public String location() {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        String where = location();
        String kind = severity == Severity.ERROR ? "error" : "warning";
        return where.isEmpty() ? kind + ": " + message : where + ": " + kind + ": " + message;
    }
}
