package dev.pharos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {

    @Test
    void parallelWorkFinishesEveryItemAndReportsEveryProblemOnceInOrder() {
        List<Integer> items = IntStream.range(0, 64).boxed().toList();
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.forEach(items, i -> {
            if (i % 16 == 0 || i == 1) {
                // Items 0 and 1 report the same problem: the writer reads it once.
                throw new PharosException(Problem.error("p" + (63 - i / 16 * 16) + ".md", 1, "broken"));
            }
            LockSupport.parkNanos(20_000_000);
            finished.incrementAndGet();
        })).isInstanceOf(PharosException.class)
                .satisfies(e -> assertThat(((PharosException) e).problems()).extracting(Problem::toString)
                        .containsExactly("p15.md:1: error: broken", "p31.md:1: error: broken",
                                "p47.md:1: error: broken", "p63.md:1: error: broken"));
        // parallelStream().forEach would have returned at the first failure, with items still sleeping.
        assertThat(finished).hasValue(59);

        assertThatThrownBy(() -> Parallel.forEach(items, i -> {
            if (i == 3) {
                throw new IllegalStateException("a bug");
            }
            if (i == 5) {
                throw new PharosException(Problem.error("p.md", 1, "broken"));
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    @Test
    void parallelMapKeepsListOrderRunsEachItemOnceAndRethrowsTheFirstFailureInListOrder() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        AtomicInteger runs = new AtomicInteger();
        // Uneven work, and a parallel call inside each item (the search index's analyses run inside a parallel build).
        List<Integer> squares = Parallel.map(items, i -> {
            runs.incrementAndGet();
            if (i % 97 == 0) {
                LockSupport.parkNanos(5_000_000);
            }
            return Parallel.map(List.of(i, i), x -> x).stream().mapToInt(x -> x).reduce(1, (a, b) -> a * b);
        });
        assertThat(runs).hasValue(500);
        assertThat(squares).isEqualTo(items.stream().map(i -> i * i).toList());

        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.map(items, i -> {
            if (i == 400 || i == 7) {
                throw new IllegalArgumentException("item " + i);
            }
            finished.incrementAndGet();
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 7");
        assertThat(finished).hasValue(498);
        assertThat(Parallel.map(List.<Integer>of(), i -> i)).isEmpty();
    }

    @Test
    void parallelBothRunsBothTasksAndRethrowsTheFirstsFailureOnlyAfterTheSecondFinished() {
        int[] made = new int[2];
        Parallel.both(() -> made[0] = 1, () -> made[1] = 2);
        assertThat(made).containsExactly(1, 2);

        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.both(() -> {
            throw new IllegalStateException("first");
        }, () -> {
            LockSupport.parkNanos(20_000_000);
            finished.incrementAndGet();
            throw new IllegalArgumentException("second");
        })).isInstanceOf(IllegalStateException.class).hasMessage("first");
        assertThat(finished).hasValue(1);
    }

    @Test
    void aFileReplacedWholeIsTheOldOrTheNewAndAsReadableAsAWrittenOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("meta.json"), "old");
        Path written = Files.writeString(dir.resolve("written.json"), "any");
        assertThatThrownBy(() -> FileTrees.replace(file, temporary -> {
            Files.writeString(temporary, "half of the new");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        FileTrees.replace(file, temporary -> Files.writeString(temporary, "new"));
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(written));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("meta.json", "written.json");
        }
    }

    @Test
    void aDeletedTreeIsGoneWholeAndLinksOutOfItAreNotFollowed(@TempDir Path dir) throws Exception {
        Path keep = Files.createDirectories(dir.resolve("keep"));
        Files.writeString(keep.resolve("precious.txt"), "do not delete");
        Path site = dir.resolve("site");
        for (int i = 0; i < 30; i++) {
            Path page = Files.createDirectories(site.resolve("en/section-" + (i % 5) + "/page-" + i));
            Files.writeString(page.resolve("index.html"), "<p>" + i);
        }
        Files.createSymbolicLink(site.resolve("en/linked"), keep);
        Path link = Files.createSymbolicLink(dir.resolve("link-to-keep"), keep);

        FileTrees.delete(site);
        FileTrees.delete(link);
        FileTrees.delete(dir.resolve("never-existed"));

        assertThat(site).doesNotExist();
        assertThat(link).doesNotExist();
        assertThat(keep.resolve("precious.txt")).hasContent("do not delete");
    }

    @Test
    void textFilesAreStrictUtf8AndKeepAReplacementCharacterTheWriterTyped() throws Exception {
        byte[] typed = "\uFEFFa\r\nb \uFFFD 充值\rc".getBytes(StandardCharsets.UTF_8);
        assertThat(TextFiles.decode(typed, "en/a.md")).isEqualTo("a\nb \uFFFD 充值\nc");
        byte[] bad = "line one\nline two \u00e9\n".getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 2] = (byte) 0xC3; // a lead byte without its continuation
        bad[bad.length - 3] = (byte) 0xC3;
        assertThatThrownBy(() -> TextFiles.decode(bad, "en/a.md")).isInstanceOf(TextFiles.Unreadable.class)
                .hasMessageContaining("en/a.md:2").hasMessageContaining("not valid UTF-8 (byte 0xC3");
        assertThat(TextFiles.linesBefore("one\ntwo\n\nfour", 0)).isZero();
        assertThat(TextFiles.linesBefore("one\ntwo\n\nfour", 3)).isZero();
        assertThat(TextFiles.linesBefore("one\ntwo\n\nfour", 4)).isEqualTo(1);
        assertThat(TextFiles.linesBefore("one\ntwo\n\nfour", 10)).isEqualTo(3);
        assertThat(TextFiles.oddities("a\nb\0c", "en/n.md")).extracting(Problem::toString).singleElement().asString()
                .startsWith("en/n.md:2:");
        byte[] surrogate = {'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThatThrownBy(() -> TextFiles.decode(surrogate, "en/b.md")).hasMessageContaining("en/b.md:2");
    }

    @Test
    void yamlRemembersTheLineOfEveryKeyAndReadsBareDates() throws Exception {
        Yaml.Document doc = Yaml.parse("title: A\nsupport:\n  channels:\n    - id: chat\n      url: x\nwhen: 2026-01-02\nquoted: '2026-01-02'\n", 1);
        assertThat(doc.lines()).containsEntry("title", 1).containsEntry("support.channels[0]", 4)
                .containsEntry("support.channels[0].url", 5);
        assertThat(doc.map().get("when")).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(doc.map().get("quoted")).isEqualTo("2026-01-02");
    }

    @Test
    void yamlErrorsSayWhatToDo() {
        assertThatThrownBy(() -> Yaml.parse("a: 1\nb: 2\na: 3\n", 1)).isInstanceOf(Yaml.SyntaxError.class)
                .hasMessage("'a' appears twice (also on line 1) - each key may appear once")
                .satisfies(e -> assertThat(((Yaml.SyntaxError) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> Yaml.parse("title:\n\t- x\n", 1)).isInstanceOf(Yaml.SyntaxError.class)
                .hasMessageContaining("indent with spaces");
    }

    @Test
    void slugsKeepEveryScriptAndStayDistinct() {
        assertThat(Slugs.segment("Best Practice")).isEqualTo("best-practice");
        assertThat(Slugs.segment("backend_本地文件系统")).isEqualTo("backend_本地文件系统");
        assertThat(Slugs.segment("c++")).isEqualTo("c++");
        assertThat(Slugs.segment("What's new?")).isEqualTo("what-s-new");
        assertThat(Slugs.segment("[[")).isEqualTo("u5b-u5b");
        assertThat(Slugs.anchor("Network fees (ERC20)")).isEqualTo("network-fees-erc20");
        assertThat(Slugs.anchor("Step 2: check the TxID")).isEqualTo("step-2-check-the-txid");
        assertThat(Slugs.anchor("第 2 步：核对 TxID")).isEqualTo("第-2-步核对-txid");
    }

    @Test
    void suggestionsFindTheIntendedKey() {
        Set<String> known = Set.of("title", "description", "fallback", "locales");
        assertThat(Suggestions.closest("descripton", known)).contains("description");
        assertThat(Suggestions.closest("falback", known)).contains("fallback");
        assertThat(Suggestions.closest("colour", known)).isEmpty();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    }

    @Test
    void localizedTextFallsBackFromRegionToLanguageToDefault() {
        LocalizedText t = new LocalizedText(Map.of("en", "Help", "zh", "帮助"));
        assertThat(t.get("zh-CN", "en")).isEqualTo("帮助");
        assertThat(t.get("fr", "en")).isEqualTo("Help");
        assertThat(LocalizedText.of("Same").get("de", "en")).isEqualTo("Same");
        assertThat(List.of(t.get("en", "en"))).containsExactly("Help");
    }
}
