package dev.pharos.maven;

import dev.pharos.Problem;
import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/** Shows Pharos problems in Maven's log, one per line, in the {@code file:line: message} form editors link. */
final class MavenProblems {

    private MavenProblems() {
    }

    static void log(Log log, List<Problem> problems) {
        for (Problem p : problems) {
            String where = p.location().isEmpty() ? "" : p.location() + ": ";
            if (p.isError()) {
                log.error(where + p.message());
            } else {
                log.warn(where + p.message());
            }
        }
    }

    /** The failure message: every error (Maven prints it last, where writers look). */
    static String summary(List<Problem> problems, File output) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the content; " + output
                + " was not changed:\n" + errors.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
