package dev.pharos.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pharos.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shortcode tags in text built to break the scanner (found by fuzzing, issue 13). */
class ShortcodesHostileTest {

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void anUnclosedTagBeforeALongTextIsLeftAsTextWithoutOverflowingTheStack() {
        String text = "{{< x " + "a".repeat(200_000) + "\n";
        assertThat(Shortcodes.expand(text, "en/a.md", 1, problems)).isEqualTo(text);
        assertThat(problems).isEmpty();
    }

    @Test
    void manyUnclosedTagsTakeLinearTime() {
        String text = "{{< a \"b\" ".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Shortcodes.expand(text, "en/a.md", 1, problems));
    }

    @Test
    void tagsStillWorkWithQuotesEscapesAndLines() {
        String text = "a {{< figure src=\"x>y.png\" alt=\"A > B\" >}}\nb {{</* note */>}}\n{{< tip\n  >}}c{{< /tip >}}"
                + " {{% relref \"x.md\" %}}";
        assertThat(Shortcodes.expand(text, "en/a.md", 10, problems))
                .isEqualTo("a ![A > B](x>y.png)\nb {{< note >}}\n\nc x.md");
        assertThat(problems).extracting(Problem::toString)
                .containsExactly("en/a.md:12: warning: Hugo shortcode 'tip' is not supported; its inner text is shown as is");
    }
}
