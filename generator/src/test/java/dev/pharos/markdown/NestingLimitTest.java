package dev.pharos.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestingLimitTest {

    private final List<Problem> problems = new ArrayList<>();

    private static String list(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        return out.toString();
    }

    @Test
    void twentyThousandQuoteMarkersAreCappedWithAWarningOnTheirLine() {
        String body = "intro\n\n" + ">".repeat(20_000) + " hello\n";
        String capped = NestingLimit.cap(body, "en/deep.md", 5, problems);
        assertThat(capped).isEqualTo("intro\n\n" + ">".repeat(NestingLimit.MAX_DEPTH) + " hello\n");
        assertThat(problems).extracting(Problem::toString).containsExactly("en/deep.md:7: warning: quotes or lists nest"
                + " more than 100 levels deep here; deeper levels are shown at level 100: nest less deeply");
    }

    @Test
    void aListThreeThousandDeepKeepsEveryItemsTextAtLevelOneHundred() {
        String capped = NestingLimit.cap(list(3_000), "en/deep.md", 1, problems);
        String[] lines = capped.split("\n");
        assertThat(lines).hasSize(3_000);
        assertThat(lines[99]).isEqualTo("  ".repeat(99) + "- item 99");
        assertThat(lines[2_999]).endsWith(" item 2999");
        assertThat(lines[2_999].strip()).isEqualTo("item 2999");
        assertThat(lines[2_999].indexOf('i')).isLessThanOrEqualTo(2 * NestingLimit.MAX_DEPTH + 2);
        assertThat(problems).singleElement().extracting(Problem::line).isEqualTo(101);
        assertThat(capped.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(220);
    }

    @Test
    void everyKindOfMarkerCountsAndMixedNestingIsCappedToo() {
        String mixed = "> - 1. * + ".repeat(1_000) + "text";
        String capped = NestingLimit.cap(mixed, "en/deep.md", 1, problems);
        assertThat(capped).endsWith(" text");
        assertThat(capped.chars().filter(c -> c == '>' || c == '-' || c == '*' || c == '+' || c == '.').count())
                .isEqualTo(NestingLimit.MAX_DEPTH);
        assertThat(problems).hasSize(1);
    }

    @Test
    void ordinaryNestingAndDeepLookingCodeAreLeftAlone() {
        String ordinary = "> > quote\n\n" + list(20) + "\n    code\n";
        assertThat(NestingLimit.cap(ordinary, "en/a.md", 1, problems)).isSameAs(ordinary);
        String fenced = "```\n" + ">".repeat(500) + "\n" + " ".repeat(400) + "- x\n```\nafter\n";
        assertThat(NestingLimit.cap(fenced, "en/a.md", 1, problems)).isSameAs(fenced);
        assertThat(problems).isEmpty();
    }

    @Test
    void oneWarningPerPageHoweverManyLinesAreCapped() {
        String body = (">".repeat(200) + " a\n\n").repeat(50);
        NestingLimit.cap(body, "en/a.md", 3, problems);
        assertThat(problems).extracting(Problem::line).containsExactly(3);
    }

    @Test
    void theRendererCapsBeforeFlexmarkParses() {
        String html = new MarkdownRenderer().render(">".repeat(20_000) + " deepest words", "en/deep.md", 1, problems);
        assertThat(html).contains("deepest words");
        assertThat(html.split("<blockquote>", -1)).hasSize(NestingLimit.MAX_DEPTH + 1);
        assertThat(problems).hasSize(1);
    }
}
