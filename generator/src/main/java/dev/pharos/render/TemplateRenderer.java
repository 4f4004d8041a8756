package dev.pharos.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pharos.Problem;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the theme's Pebble templates. Templates get, beside the model, these functions and filters:
 * <ul>
 *   <li>{@code t('key', arg...)}: a UI string in the page's locale ({@code i18n/<locale>.yml})</li>
 *   <li>{@code asset('css/site.css')}: the fingerprinted URL of a theme asset</li>
 *   <li>{@code value | json}: JSON safe to put inside {@code <script type="application/ld+json">}</li>
 *   <li>{@code path | absolute}: the absolute URL of a site path (for canonical links, sitemaps, feeds)</li>
 *   <li>{@code value | yaml}: a YAML double-quoted scalar (for the front matter of Markdown files)</li>
 * </ul>
 * Thread-safe.
 */
public final class TemplateRenderer {

    /** Model keys the functions read; set by {@link #render}. */
    static final String STRINGS = "_strings";
    static final String ASSET_BASE = "_assetBase";
    static final String ORIGIN = "_origin";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Pebble's map literals are hash maps: sorted keys keep output byte-identical from build to build.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static {
        JSON.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private final PebbleEngine engine;
    private final Theme theme;

    public TemplateRenderer(Theme theme) {
        this.theme = theme;
        this.engine = new PebbleEngine.Builder()
                .loader(new LayeredLoader(theme))
                .extension(new PharosExtension())
                .autoEscaping(true)
                .newLineTrimming(true)
                .strictVariables(false)
                .defaultLocale(Locale.ROOT)
                .build();
    }

    /** A template failed: the message names the template file and line. */
    public static final class RenderException extends Exception {
        private final transient Problem problem;

        RenderException(Problem problem, Throwable cause) {
            super(problem.toString(), cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public boolean exists(String template) {
        return theme.find(LayeredLoader.path(template)).isPresent();
    }

    /**
     * @param template a template name under {@code templates/} ({@code article} or {@code sitemap.xml})
     * @param model    the variables; must hold {@code lang} (a locale code) for {@code t()}
     * @param strings  the UI strings of the page's locale
     * @param basePath the site's base path, for {@code asset()}
     * @param origin   scheme and host of the site ({@code https://help.example.com}), empty when unknown
     */
    public String render(String template, Map<String, Object> model, UiStrings strings, String basePath, String origin)
            throws RenderException {
        StringWriter out = new StringWriter(8192);
        render(template, model, strings, basePath, origin, out);
        return out.toString();
    }

    /** As {@link #render(String, Map, UiStrings, String, String)}, into {@code out} as it is made (large files). */
    public void render(String template, Map<String, Object> model, UiStrings strings, String basePath, String origin,
            java.io.Writer out) throws RenderException {
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            Map<String, Object> context = new java.util.HashMap<>(model);
            context.put(STRINGS, strings);
            context.put(ASSET_BASE, basePath + "_pharos/" + theme.fingerprint() + "/");
            context.put(ORIGIN, origin);
            compiled.evaluate(out, context);
        } catch (PebbleException e) {
            String file = e.getFileName() == null ? LayeredLoader.path(template) : LayeredLoader.path(e.getFileName());
            int line = e.getLineNumber() == null || e.getLineNumber() < 0 ? 0 : e.getLineNumber();
            String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
            Throwable cause = e.getCause();
            if (cause != null && cause != e && cause.getMessage() != null) {
                message += ": " + cause.getMessage();
            }
            throw new RenderException(Problem.error("themes/" + theme.name() + "/" + file, line, "template error: " + message), e);
        } catch (IOException | RuntimeException e) {
            throw new RenderException(Problem.error("themes/" + theme.name() + "/" + LayeredLoader.path(template), 0,
                    "template error: " + e), e);
        }
    }

    /** Serializes a value as JSON with {@code <}, {@code >} and {@code &} escaped, for inline data blocks. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + value, e);
        }
    }

    private static final class PharosExtension extends AbstractExtension {
        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("t", new Translate(), "asset", new Asset());
        }

        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("json", new Encoding(TemplateRenderer::json), "absolute", new Absolute(),
                    "yaml", new Encoding(TemplateRenderer::yaml));
        }

        @Override
        public List<AttributeResolver> getAttributeResolver() {
            return List.of(new RecordAttributes());
        }
    }

    private static final class Translate implements Function {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            UiStrings strings = (UiStrings) context.getVariable(STRINGS);
            Object key = args.get("0");
            List<Object> rest = new ArrayList<>();
            for (int i = 1; args.containsKey(String.valueOf(i)); i++) {
                rest.add(args.get(String.valueOf(i)));
            }
            return strings == null ? String.valueOf(key) : strings.get(String.valueOf(key), rest.toArray());
        }
    }

    private static final class Asset implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return context.getVariable(ASSET_BASE) + String.valueOf(args.get("path"));
        }
    }

    /** A filter that writes its input in another language's syntax, as markup that is not escaped again. */
    private record Encoding(java.util.function.Function<Object, String> encode) implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return new SafeString(encode.apply(input));
        }
    }

    /** One scalar, double-quoted, on one line: any text, read back exactly by every YAML parser. */
    private static final org.snakeyaml.engine.v2.api.Dump YAML_SCALAR = new org.snakeyaml.engine.v2.api.Dump(
            org.snakeyaml.engine.v2.api.DumpSettings.builder()
                    .setDefaultScalarStyle(org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED)
                    .setSplitLines(false)
                    .setWidth(Integer.MAX_VALUE)
                    .build());

    private static final Pattern UNICODE_LINE_BREAKS = Pattern.compile("[\\u0085\\u2028\\u2029]");

    /** A YAML double-quoted scalar (snakeyaml-engine's): any text, read back exactly by every YAML parser. */
    public static String yaml(Object value) {
        // Unicode's own line breaks become "\n": YAML 1.2 keeps them as text, but YAML 1.1 readers break lines there.
        String text = UNICODE_LINE_BREAKS.matcher(value == null ? "" : String.valueOf(value)).replaceAll("\n");
        return YAML_SCALAR.dumpToString(text).stripTrailing();
    }

    private static final class Absolute implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String path = String.valueOf(input);
            if (path.startsWith("http://") || path.startsWith("https://")) {
                return path;
            }
            return context.getVariable(ORIGIN) + path;
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        // Made once: the three recur in every page's structured data.
        private static final SerializableString LT = escape('<');
        private static final SerializableString GT = escape('>');
        private static final SerializableString AMP = escape('&');

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<' -> LT;
                case '>' -> GT;
                case '&' -> AMP;
                default -> escape(ch);
            };
        }

        // Every character past ASCII is asked for too (and escaped, as it always was): no String.format per character.
        private static SerializableString escape(int ch) {
            return new SerializedString("\\u" + HexFormat.of().toHexDigits((char) ch));
        }
    }
}
