package dev.pharos.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML into plain Java values (maps, lists, strings, numbers, booleans, dates) and remembers the line of every
 * key, so that later validation can say {@code pharos.yml:14: ...}.
 *
 * <p>The YAML 1.2 core schema is used, plus one YAML 1.1 habit writers rely on (Hugo, Jekyll): an unquoted
 * {@code 2024-01-18} is a date, not a string.
 */
public final class Yaml {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    private Yaml() {
    }

    /** A parsed document: its root value and the 1-based line of each key path ({@code support.channels[2].url}). */
    public record Document(Object root, Map<String, Integer> lines) {

        /** The root as a map; empty when the document is empty. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return root instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        /** Line of a key path, or {@code fallback} if unknown. */
        public int lineOf(String path, int fallback) {
            return lines.getOrDefault(path, fallback);
        }
    }

    /** YAML that cannot be read, with the 1-based line where the parser gave up. */
    public static final class SyntaxError extends Exception {
        private final int line;

        SyntaxError(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Parses one YAML document.
     *
     * @param firstLine the file line the text starts on (front matter starts on line 2), to report real lines
     */
    public static Document parse(String text, String label, int firstLine) throws SyntaxError {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setUseMarks(true)
                .build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> node = composer.getSingleNode();
            Map<String, Integer> lines = new LinkedHashMap<>();
            Object root = node.map(n -> convert(n, "", lines, firstLine)).orElse(null);
            return new Document(root, Collections.unmodifiableMap(lines));
        } catch (DuplicateKey e) {
            throw new SyntaxError("'" + e.key + "' appears twice (also on line " + e.firstLine + ") - each key may appear once",
                    e.line);
        } catch (MarkedYamlEngineException e) {
            // A construct left open is reported where the text ends; the line that opened it is the one to fix.
            boolean atEnd = e.getProblem() != null
                    && (e.getProblem().contains("<stream end>") || e.getProblem().contains("end of stream"));
            Optional<Mark> mark = atEnd ? e.getContextMark().or(e::getProblemMark) : e.getProblemMark().or(e::getContextMark);
            int line = mark.map(Mark::getLine).orElse(0) + firstLine;
            throw new SyntaxError(describe(e), line);
        } catch (YamlEngineException e) {
            throw new SyntaxError(firstLineOf(e.getMessage()), firstLine);
        }
    }

    /** Composing keeps duplicate keys (the constructor would reject them, but it drops line numbers). */
    private static final class DuplicateKey extends RuntimeException {
        final String key;
        final int firstLine;
        final int line;

        DuplicateKey(String key, int firstLine, int line) {
            super(key, null, false, false);
            this.key = key;
            this.firstLine = firstLine;
            this.line = line;
        }
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "unreadable YAML" : e.getProblem();
        String context = e.getContext();
        if (problem.contains("mapping values are not allowed")) {
            return "a value contains ': ' - put quotes around it (title: \"Deposits: how long?\")";
        }
        if (context != null && context.contains("quoted scalar")) {
            return "a quoted value is not closed - add the closing quote";
        }
        if (context != null && context.contains("flow sequence") || problem.contains("flow sequence")) {
            return "a '[' list is not closed with ']' - close it, or put quotes around text that starts with '['";
        }
        if (context != null && context.contains("flow mapping")) {
            return "a '{' map is not closed with '}' - close it, or put quotes around text that starts with '{'";
        }
        if (problem.contains("(TAB)")) {
            return "a tab is used for indentation - indent with spaces";
        }
        if (context != null && context.contains("duplicate key") || problem.contains("duplicate key")) {
            return problem.replace("found ", "") + " - each key may appear once";
        }
        return context == null ? problem : context + ", " + problem;
    }

    private static String firstLineOf(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Object convert(Node node, String path, Map<String, Integer> lines, int firstLine) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object keyValue = convert(tuple.getKeyNode(), path, lines, firstLine);
                String key = String.valueOf(keyValue);
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (map.containsKey(key)) {
                    throw new DuplicateKey(key, lines.get(childPath), lineOf(tuple.getKeyNode(), firstLine));
                }
                lines.put(childPath, lineOf(tuple.getKeyNode(), firstLine));
                map.put(key, convert(tuple.getValueNode(), childPath, lines, firstLine));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (Node item : sequence.getValue()) {
                String childPath = path + "[" + i++ + "]";
                lines.put(childPath, lineOf(item, firstLine));
                list.add(convert(item, childPath, lines, firstLine));
            }
            return Collections.unmodifiableList(list);
        }
        return scalar((ScalarNode) node);
    }

    private static int lineOf(Node node, int firstLine) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + firstLine;
    }

    private static Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        boolean plain = node.getScalarStyle() == ScalarStyle.PLAIN;
        if (plain && DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        if (plain && DATE_TIME.matcher(value).matches()) {
            return parseDateTime(value);
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.valueOf(value.toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
            try {
                return Long.decode(value.replace("0o", "0"));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static Object parseDateTime(String value) {
        String iso = value.replace(' ', 'T').replaceAll("\\s+", "");
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso);
            } catch (DateTimeParseException e2) {
                return value;
            }
        }
    }
}
