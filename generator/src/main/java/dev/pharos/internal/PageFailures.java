package dev.pharos.internal;

import dev.pharos.Problem;

/**
 * A failure while processing one page that is not a problem Pharos knows how to describe: a stack overflow (a page
 * nested deeper than a parser can recurse) or a bug. It becomes an error naming the page, so the writer learns which
 * file to look at and the rest of the build's problems are still reported, instead of a stack trace ending the build.
 */
public final class PageFailures {

    private PageFailures() {
    }

    public static Problem problem(String file, Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return Problem.error(file, 0, "this page nests too deeply to process (quotes, lists, emphasis, links or HTML"
                    + " inside one another); nest less deeply");
        }
        return Problem.error(file, 0, "Pharos failed on this page (" + failure + "); this is a bug in Pharos: please"
                + " report it with this file (--verbose shows the details)");
    }
}
