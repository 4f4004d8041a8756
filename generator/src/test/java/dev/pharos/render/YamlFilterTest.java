package dev.pharos.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The {@code yaml} template filter (front matter of Markdown twins): one line that reads back as the same text. */
class YamlFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"Reset your password", "Fees: \"network\" and 'ours'", "back\\slash", "two\nlines\r\n",
        "tab\there", "- looks like a list", "# looks like a comment", "key: value", "null", "true", "1e3", "",
        "提币手续费：网络费", "emoji 🔐", "line\u2028separator", "para\u2029graph", "next\u0085line", "nul\u0000byte", "bell\u0007", "---", "..."})
    void readsBackAsTheSameTextOnOneLine(String text) {
        String written = TemplateRenderer.yaml(text);
        assertThat(written).startsWith("\"").endsWith("\"").doesNotContain("\n", "\r", "\u2028");
        Object read = new Load(LoadSettings.builder().build()).loadFromString("title: " + written + "\n");
        // Unicode's line and paragraph separators and NEL are read back as the line break they are.
        assertThat(read).isEqualTo(java.util.Map.of("title", text.replaceAll("[\\u0085\\u2028\\u2029]", "\n")));
    }
}
