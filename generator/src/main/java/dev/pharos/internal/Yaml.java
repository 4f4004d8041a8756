package dev.pharos.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
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

    /**
     * One set of settings, and one resolver of plain scalars, for every text: made per text they were a sixth of
     * what parsing a large site's front matter allocated (70 of 434 MB at 10×). Both are only read while parsing. Errors name their file
     * and line through {@link SyntaxError}, so the settings need no label.
     */
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new CoreSchema() {
                private final ScalarResolver shared = super.getScalarResolver();

                @Override
                public ScalarResolver getScalarResolver() {
                    return shared;
                }
            })
            .setAllowDuplicateKeys(false)
            .setUseMarks(true)
            .build();
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
    public static Document parse(String text, int firstLine) throws SyntaxError {
        try {
            Parser parser = new DepthLimitedParser(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)), firstLine);
            Composer composer = new Composer(SETTINGS, parser);
            Optional<Node> node = composer.getSingleNode();
            Map<String, Integer> lines = new LinkedHashMap<>();
            Conversion conversion = new Conversion(lines, firstLine);
            Object root = node.map(n -> conversion.convert(n, "", 0)).orElse(null);
            return new Document(root, Collections.unmodifiableMap(lines));
        } catch (DuplicateKey e) {
            throw new SyntaxError("'" + e.key + "' appears twice (also on line " + e.firstLine + ") - each key may appear once",
                    e.line);
        } catch (TooComplex e) {
            throw new SyntaxError(e.getMessage(), e.line);
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

    /**
     * Deeper than any config or front matter needs, shallow enough that composing and converting (both recursive)
     * never overflow a thread's stack.
     */
    static final int MAX_DEPTH = 64;

    /**
     * The most values a document may expand to. Aliases make a small text stand for a huge value (nine aliases of
     * nine aliases of ... : the "billion laughs"), which would take all memory and time to convert.
     */
    static final int MAX_VALUES = 100_000;

    /** A document too deep, too large once aliases are expanded, or containing itself. */
    private static final class TooComplex extends RuntimeException {
        final int line;

        TooComplex(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** Stops at {@link #MAX_DEPTH} nested lists and maps while the composer reads, before it recurses that deep. */
    private static final class DepthLimitedParser implements Parser {
        private final Parser parser;
        private final int firstLine;
        private int depth;

        DepthLimitedParser(Parser parser, int firstLine) {
            this.parser = parser;
            this.firstLine = firstLine;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            if (event.getEventId() == Event.ID.SequenceStart || event.getEventId() == Event.ID.MappingStart) {
                if (++depth > MAX_DEPTH) {
                    throw new TooComplex("lists and maps nest more than " + MAX_DEPTH + " levels deep - nest less deeply",
                            event.getStartMark().map(Mark::getLine).orElse(0) + firstLine);
                }
            } else if (event.getEventId() == Event.ID.SequenceEnd || event.getEventId() == Event.ID.MappingEnd) {
                depth--;
            }
            return event;
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }
    }

    /** Nodes to plain values, aliases expanded, with a line for every key path. */
    private static final class Conversion {
        private final Map<String, Integer> lines;
        private final int firstLine;
        /** The collections being converted, outermost first: an alias to one of them would never end. */
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;

        Conversion(Map<String, Integer> lines, int firstLine) {
            this.lines = lines;
            this.firstLine = firstLine;
        }

        Object convert(Node node, String path, int depth) {
            if (++values > MAX_VALUES) {
                throw new TooComplex("aliases (*name) expand this to more than " + MAX_VALUES + " values - write the"
                        + " values out, or refer to big values less often", lineOf(node, firstLine));
            }
            if (depth > MAX_DEPTH) {
                throw new TooComplex("aliases (*name) nest lists and maps more than " + MAX_DEPTH + " levels deep"
                        + " - nest less deeply", lineOf(node, firstLine));
            }
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (!open.add(node)) {
                throw new TooComplex("an alias (*name) refers to a list or map that contains it - remove the alias",
                        lineOf(node, firstLine));
            }
            try {
                return node instanceof MappingNode mapping ? map(mapping, path, depth) : list((SequenceNode) node, path, depth);
            } finally {
                open.remove(node);
            }
        }

        private Map<String, Object> map(MappingNode mapping, String path, int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object keyValue = convert(tuple.getKeyNode(), path, depth + 1);
                String key = String.valueOf(keyValue);
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (map.containsKey(key)) {
                    throw new DuplicateKey(key, lines.get(childPath), lineOf(tuple.getKeyNode(), firstLine));
                }
                lines.put(childPath, lineOf(tuple.getKeyNode(), firstLine));
                map.put(key, convert(tuple.getValueNode(), childPath, depth + 1));
            }
            return Collections.unmodifiableMap(map);
        }

        private List<Object> list(SequenceNode sequence, String path, int depth) {
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (Node item : sequence.getValue()) {
                String childPath = path + "[" + i++ + "]";
                lines.put(childPath, lineOf(item, firstLine));
                list.add(convert(item, childPath, depth + 1));
            }
            return Collections.unmodifiableList(list);
        }
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
