package dev.pharos.cli;

import dev.pharos.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems the way compilers do ({@code file:line: error: ...}), in colour on a terminal. */
final class Reporter {

    private final PrintWriter err;
    private final boolean colour;

    Reporter(PrintWriter err) {
        this.err = err;
        this.colour = System.console() != null && System.getenv("NO_COLOR") == null;
    }

    void print(List<Problem> problems) {
        for (Problem p : problems) {
            String kind = p.isError() ? paint("error", "31;1") : paint("warning", "33");
            String where = p.location();
            err.println((where.isEmpty() ? "" : paint(where, "1") + ": ") + kind + ": " + p.message());
        }
        err.flush();
    }

    /** Prints problems grouped by file, a blank line between files, each line still {@code file:line: ...}. */
    void printByFile(List<Problem> problems, java.util.function.Function<Problem, String> suffix) {
        String previous = null;
        for (Problem p : problems) {
            String file = p.file() == null ? "" : p.file();
            if (previous != null && !previous.equals(file)) {
                err.println();
            }
            previous = file;
            String kind = p.isError() ? paint("error", "31;1") : paint("warning", "33");
            String where = p.location();
            err.println((where.isEmpty() ? "" : paint(where, "1") + ": ") + kind + ": " + p.message()
                    + paint(suffix.apply(p), "2"));
        }
        err.flush();
    }

    String paint(String text, String code) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    boolean colour() {
        return colour;
    }
}
