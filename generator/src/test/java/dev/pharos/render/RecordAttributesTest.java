package dev.pharos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates read records through {@link RecordAttributes} exactly as through Pebble's own resolver. */
class RecordAttributesTest {

    public record Plain(String title, int count, boolean open, List<String> tags, Plain parent) {
    }

    /** Pebble reads {@code getTitle()} before {@code title()}, and {@code isOpen()}/{@code hasCount()} likewise. */
    public record Shadowed(String title, boolean open, int count) {
        public String getTitle() {
            return "from getTitle";
        }

        public boolean isOpen() {
            return !open;
        }

        public int hasCount() {
            return count + 100;
        }

        public String shout(String word) {
            return word.toUpperCase();
        }
    }

    record Hidden(String title) {
    }

    private static final String TEMPLATE = """
            {{ p.title }}|{{ p.count + 1 }}|{% if p.open %}open{% endif %}|{% for t in p.tags %}{{ t }},{% endfor %}\
            |{{ p.parent.title }}|{{ p.parent.parent.title }}|{{ p.missing }}|{{ p.title() }}|{{ p.tags | length }}
            {{ s.title }}|{{ s.open }}|{{ s.count }}|{{ s.shout("hi") }}|{{ s.title() }}
            {{ h.title }}|{{ m.title }}|{{ text.length }}|{{ p.title.length }}
            """;

    private static String render(List<AttributeResolver> resolvers) throws IOException {
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(new StringLoader())
                .extension(new AbstractExtension() {
                    @Override
                    public List<AttributeResolver> getAttributeResolver() {
                        return resolvers;
                    }
                })
                .autoEscaping(true)
                .strictVariables(false)
                .build();
        Plain root = new Plain("Root <&>", 1, false, List.of(), null);
        Map<String, Object> model = Map.of(
                "p", new Plain("Fees \"&\" limits", 41, true, List.of("a", "b"), new Plain("Parent", 0, false, List.of(), root)),
                "s", new Shadowed("component", true, 5),
                "h", new Hidden("package-private"),
                "m", Map.of("title", "a map"),
                "text", "plain string");
        StringWriter out = new StringWriter();
        engine.getTemplate(TEMPLATE).evaluate(out, model);
        return out.toString();
    }

    @Test
    void rendersWhatPebblesOwnResolverRenders() throws IOException {
        String ours = render(List.of(new RecordAttributes()));
        assertThat(ours).isEqualTo(render(List.of()));
        assertThat(ours).contains("Fees &quot;&amp;&quot; limits|42|open|a,b,|Parent|Root &lt;&amp;&gt;||")
                .contains("from getTitle|false|105|HI|from getTitle")
                .contains("package-private|a map|");
    }
}
