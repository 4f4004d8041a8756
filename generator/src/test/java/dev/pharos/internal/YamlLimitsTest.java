package dev.pharos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML built to exhaust the reader (issue 13) is a syntax error with a line, not a hang or a stack overflow. */
class YamlLimitsTest {

    /** Three aliases of three aliases, sixteen levels: 48 aliases (under snakeyaml's 50) standing for 43 million values. */
    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x]\n");
        for (int i = 1; i <= 16; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1)
                    .append(", *l").append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void anAliasBombStopsAtTheValueLimit() {
        assertThatThrownBy(() -> Yaml.parse(billionLaughs(), 1))
                .isInstanceOf(Yaml.SyntaxError.class)
                .hasMessageStartingWith("aliases (*name) expand this to more than 100000 values")
                .satisfies(e -> assertThat(((Yaml.SyntaxError) e).line()).isBetween(1, 17));
    }

    @Test
    void anAliasInsideWhatItNamesIsAnError() {
        assertThatThrownBy(() -> Yaml.parse("title: T\nloop: &a [x, *a]\n", 2))
                .isInstanceOf(Yaml.SyntaxError.class)
                .hasMessage("an alias (*name) refers to a list or map that contains it - remove the alias")
                .satisfies(e -> assertThat(((Yaml.SyntaxError) e).line()).isEqualTo(3));
    }

    @Test
    void tenThousandNestedListsStopBeforeTheComposerRecurses() {
        String deep = "title: T\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThatThrownBy(() -> Yaml.parse(deep, 2))
                .isInstanceOf(Yaml.SyntaxError.class)
                .hasMessage("lists and maps nest more than 64 levels deep - nest less deeply")
                .satisfies(e -> assertThat(((Yaml.SyntaxError) e).line()).isEqualTo(3));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        assertThatThrownBy(() -> Yaml.parse(block.toString(), 1)).isInstanceOf(Yaml.SyntaxError.class);
    }

    @Test
    void ordinaryAnchorsAndNestingStillWork() throws Exception {
        Yaml.Document doc = Yaml.parse("base: &b {a: 1, b: [x, y]}\none: *b\ntwo: *b\ndeep: " + "[".repeat(60)
                + "]".repeat(60) + "\n", 1);
        assertThat(doc.map().get("one")).isEqualTo(Map.of("a", 1L, "b", List.of("x", "y")));
        assertThat(doc.lineOf("two", 0)).isEqualTo(3);
    }
}
