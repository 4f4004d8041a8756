package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The browser and the build agree: for every distinct line of Markdown of the sample site and of both shared
 * corpora (../shared/corpus), Lucene's surfaces and its English and CJK terms are written to a file, and the
 * browser's module (themes/default/tests/search-agreement.test.js, run by Node) must produce exactly the same.
 */
class AgreementTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path CORPUS = REPO.resolveSibling("shared").resolve("corpus");
    private static final Analysis ENGLISH = new Analysis(Analysis.Kind.ENGLISH);
    private static final Analysis CJK = new Analysis(Analysis.Kind.CJK);

    @Test
    void sampleSite() throws Exception {
        agree("sample", List.of(REPO.resolve("content")));
    }

    @Test
    void cloudwegoCorpus() throws Exception {
        Path corpus = CORPUS.resolve("cloudwego");
        assumeTrue(Files.isDirectory(corpus), "the shared corpus is not at " + corpus);
        agree("cloudwego", List.of(corpus));
    }

    @Test
    void tldrCorpus() throws Exception {
        Path corpus = CORPUS.resolve("tldr");
        assumeTrue(Files.isDirectory(corpus), "the shared corpus is not at " + corpus);
        agree("tldr", List.of(corpus));
    }

    private static void agree(String name, List<Path> roots) throws Exception {
        Set<String> lines = new LinkedHashSet<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt"))
                        .sorted().toList()) {
                    for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\r\n|\r|\n")) {
                        if (!line.isBlank()) {
                            lines.add(line);
                        }
                    }
                }
            }
        }
        Path dir = Path.of("target", "search-agreement");
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".jsonl");
        ObjectMapper json = new ObjectMapper();
        List<String> units = new ArrayList<>(lines);
        // Lucene runs in parallel; the file keeps the line order.
        List<String> rows = units.parallelStream().map(line -> {
            List<String> surfaces = ENGLISH.surfaces(line);
            List<String> english = ENGLISH.terms(line);
            List<String> cjk = CJK.terms(line);
            // The claim the browser relies on: the full chain is the surfaces, each through the per-token step.
            assertThat(english).as(line).isEqualTo(surfaces.stream().map(ENGLISH::term).filter(t -> t != null).toList());
            assertThat(cjk).as(line).isEqualTo(surfaces.stream().map(CJK::term).filter(t -> t != null).toList());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", line);
            row.put("s", surfaces);
            row.put("e", english);
            row.put("c", cjk);
            try {
                return json.writeValueAsString(row);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String row : rows) {
                w.write(row);
                w.write('\n');
            }
        }
        assertThat(rows).isNotEmpty();

        Path check = REPO.resolve("themes/default/tests/search-agreement.test.js");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=dot", check.toString())
                .redirectErrorStream(true);
        node.environment().put("PHAROS_AGREEMENT", out.toAbsolutePath().toString());
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(name + ": the browser's analysis differs from Lucene's:\n" + output).isZero();
    }
}
