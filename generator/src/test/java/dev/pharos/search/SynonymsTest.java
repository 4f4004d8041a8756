package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {

    private final Analysis english = new Analysis(Analysis.Kind.ENGLISH);
    private final Analysis cjk = new Analysis(Analysis.Kind.CJK);

    @Test
    void groupsAreAnalyzedWithTheLocaleChain() {
        List<Problem> problems = new ArrayList<>();
        Synonyms s = Synonyms.parse("""
                # Moving money
                withdraw, withdrawal, cash out

                Deposit ,top up
                """, "synonyms/en.txt", english, problems);
        assertThat(problems).isEmpty();
        // "withdraw" and "withdrawal" stem alike: one entry.
        assertThat(s.groups()).containsExactly(
                List.of(List.of("withdraw"), List.of("cash", "out")),
                List.of(List.of("deposit"), List.of("top", "up")));
    }

    @Test
    void chineseEntriesBecomeBigramsAndFullWidthCommasSeparateToo() {
        List<Problem> problems = new ArrayList<>();
        Synonyms s = Synonyms.parse("提币，提现、取款, 转出\n", "synonyms/zh-CN.txt", cjk, problems);
        assertThat(problems).isEmpty();
        assertThat(s.groups()).containsExactly(List.of(List.of("提币"), List.of("提现"), List.of("取款"), List.of("转出")));
    }

    @Test
    void malformedLinesAreWarningsWithTheirLine() {
        List<Problem> problems = new ArrayList<>();
        Synonyms s = Synonyms.parse("""
                fee, fees, charge
                lonely
                a, the
                pending,, stuck
                charge, cost
                """, "synonyms/en.txt", english, problems);
        assertThat(problems).allMatch(p -> !p.isError());
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "synonyms/en.txt:2: warning: a synonym group needs two or more words separated by commas: 'lonely'",
                "synonyms/en.txt:3: warning: 'a' has no searchable words (only stop words or punctuation); it is ignored",
                "synonyms/en.txt:3: warning: 'the' has no searchable words (only stop words or punctuation); it is ignored",
                "synonyms/en.txt:4: warning: empty entry between commas; remove the extra comma",
                "synonyms/en.txt:5: warning: 'charge' is also in the group on line 1; a word belongs in one group, so this group and that one are searched separately");
        assertThat(s.groups()).hasSize(3);
    }

    @Test
    void aMissingFileMeansNoSynonyms(@TempDir Path root) throws Exception {
        List<Problem> problems = new ArrayList<>();
        assertThat(Synonyms.load(root, "en", english, problems).groups()).isEmpty();
        Files.createDirectories(root.resolve("synonyms"));
        Files.writeString(root.resolve("synonyms/en.txt"), "\uFEFFlogin, sign in\n");
        assertThat(Synonyms.load(root, "en", english, problems).groups())
                .containsExactly(List.of(List.of("login"), List.of("sign")));
        assertThat(problems).isEmpty();
    }
}
