package dev.pharos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken content roots, each built through the command line into an output folder that holds a previous
 * good site (issue 13). Every case must give a clear message naming the file (and line where there is one), exit
 * non-zero for errors or zero with a warning for the benign ones, print no stack trace, write nothing outside
 * {@code --out}, and leave the previous site byte-identical when the build failed.
 *
 * <p>The cases are generated here rather than kept as files: a 10 MB article, binary and invalid UTF-8 files and
 * an alias bomb are easier to read as the code that makes them.
 */
class BadInputCorpusTest {

    @TempDir
    static Path shared;

    /** A site built from the good content, copied into each case's --out as "the previous site". */
    private static Path goodSite;

    @TempDir
    Path dir;

    enum Outcome { ERROR, WARNING }

    record Case(String name, Outcome outcome, Consumer<TestSites> breakIt, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static TestSites good(Path root) {
        return TestSites.at(root).file("pharos.yml", "title: Good\n")
                .page("en/a.md", "title: A", "text of a\n")
                .page("en/guide/b.md", "title: B", "text of b\n");
    }

    @BeforeAll
    static void buildTheGoodSite() {
        good(shared.resolve("content"));
        goodSite = shared.resolve("site");
        assertThat(PharosCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "build",
                "--source", shared.resolve("content").toString(), "--out", goodSite.toString())).isZero();
    }

    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol]\n");
        for (int i = 1; i <= 16; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append(", *l").append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    static byte[] bytes(String... parts) {
        return String.join("", parts).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static Stream<Case> cases() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        return Stream.of(
                new Case("broken YAML in front matter", Outcome.ERROR,
                        s -> s.page("en/a.md", "title: [unclosed", "x"),
                        "en/a.md:2: error: front matter is not valid YAML"),
                new Case("broken YAML in pharos.yml", Outcome.ERROR,
                        s -> s.file("pharos.yml", "title: Good\nlocales: [en\n"),
                        "pharos.yml:2: error: not valid YAML"),
                new Case("invalid UTF-8", Outcome.ERROR,
                        s -> s.bytes("en/a.md", concat(bytes("---\ntitle: A\n---\ncaf"), new byte[] {(byte) 0xE9}, bytes("\n"))),
                        "en/a.md:4: error: the file is not valid UTF-8 (byte 0xE9 at offset 20)"),
                new Case("a binary file named .md", Outcome.ERROR,
                        s -> s.bytes("en/photo.md", png),
                        "en/photo.md:1: error: the file is not valid UTF-8 (byte 0x89 at offset 0)"),
                new Case("an alias bomb in front matter", Outcome.ERROR,
                        s -> s.file("en/a.md", "---\ntitle: A\n" + billionLaughs() + "---\nx\n"),
                        "en/a.md:3: error: front matter is not valid YAML: aliases (*name) expand this to more than 100000 values"),
                new Case("an alias bomb in pharos.yml", Outcome.ERROR,
                        s -> s.file("pharos.yml", "title: Good\n" + billionLaughs()),
                        "pharos.yml:2: error: not valid YAML: aliases (*name) expand this to more than 100000 values"),
                new Case("NUL bytes in an article", Outcome.WARNING,
                        s -> s.page("en/a.md", "title: A", "te\u0000xt\n"),
                        "en/a.md:4: warning: the file contains NUL characters"),
                new Case("a 10 MB article", Outcome.WARNING,
                        s -> s.page("en/a.md", "title: A", ("Deposits arrive after the network confirms them. ".repeat(20)
                                + "\n\n").repeat(10_500)),
                        "en/a.md: warning: the article has 10.3 million characters"),
                new Case("two files with one URL", Outcome.ERROR,
                        s -> s.page("en/A.md", "title: Also A", "x"),
                        "en/a.md: error: same URL /en/a/ as en/A.md"),
                new Case("two pages with the same alias", Outcome.ERROR,
                        s -> s.page("en/a.md", "title: A\naliases: [/old/]", "x").page("en/guide/b.md", "title: B\naliases: [/old/]", "x"),
                        "error: alias /old/ is also an alias of"),
                new Case("an alias that is another page's URL", Outcome.ERROR,
                        s -> s.page("en/a.md", "title: A\naliases: [/en/guide/b/]", "x"),
                        "en/a.md: error: alias /en/guide/b/ is the URL of en/guide/b.md; remove the alias"),
                new Case("an alias pointing outside the site", Outcome.ERROR,
                        s -> s.page("en/a.md", "title: A\naliases: [/../../../../escaped]", "x"),
                        "en/a.md:3: error: alias '/../../../../escaped' leaves the site with '..'"),
                new Case("an image outside the content root", Outcome.WARNING,
                        s -> s.page("en/a.md", "title: A", "![secret](../../../etc/passwd)\n"),
                        "en/a.md:4: warning: image '../../../etc/passwd' not found"),
                new Case("a template syntax error in a theme override", Outcome.ERROR,
                        s -> s.file("themes/default/templates/article.peb", "<h1>{{ page.title }}</h1>\n{% if %}\n"),
                        "themes/default/templates/article.peb:2: error: template error"),
                new Case("a theme outside themes/", Outcome.ERROR,
                        s -> s.file("pharos.yml", "title: Good\ntheme: ../../../../etc\n"),
                        "pharos.yml:2: error: theme '../../../../etc' must be the name of a folder in themes/"),
                new Case("a slug that climbs out", Outcome.WARNING,
                        s -> s.page("en/a.md", "title: A\nslug: \"../../../../../tmp/x\"", "x"),
                        "en/a.md:3: warning: slug '../../../../../tmp/x' is not one URL segment"),
                new Case("quotes nested 20,000 deep", Outcome.WARNING,
                        s -> s.page("en/a.md", "title: A", ">".repeat(20_000) + " deep\n"),
                        "en/a.md:4: warning: quotes or lists nest more than 100 levels deep"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsAClearMessageAndChangesNothingElse(Case c) {
        Path content = dir.resolve("content");
        Path out = dir.resolve("site");
        c.breakIt().accept(good(content));
        TestSites.copy(goodSite, out);
        Map<String, String> siteBefore = TestSites.digest(out);
        Map<String, String> othersBefore = everythingBut(out);

        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = PharosCommand.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "build",
                "--source", content.toString(), "--out", out.toString());
        String printed = stdout + "\n" + stderr;

        assertThat(stderr.toString()).as(printed).contains(c.expected());
        assertThat(printed).doesNotContain("\tat ", "Exception", "Error:", "internal error");
        assertThat(everythingBut(out)).as("files outside --out").isEqualTo(othersBefore);
        if (c.outcome() == Outcome.ERROR) {
            assertThat(code).as(printed).isEqualTo(1);
            assertThat(stderr.toString()).contains("Build failed:");
            assertThat(TestSites.digest(out)).as("the previous site").isEqualTo(siteBefore);
        } else {
            assertThat(code).as(printed).isZero();
            assertThat(stdout.toString()).startsWith("Built ");
        }
    }

    /** Every file and folder under the case's folder except the site, with the bytes' digest for files. */
    private Map<String, String> everythingBut(Path out) {
        Map<String, String> listing = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(p -> !p.startsWith(out)).toList()) {
                listing.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "folder" : Long.toString(Files.size(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestSites.digest(dir).forEach((file, hash) -> {
            if (!dir.resolve(file).startsWith(out)) {
                listing.put(file, hash);
            }
        });
        return listing;
    }
}
