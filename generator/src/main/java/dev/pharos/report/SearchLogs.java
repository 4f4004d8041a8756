package dev.pharos.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads search logs, detecting the format line by line: the search beacon's JSON lines
 * ({@code {"v":1,"t":"2026-11-03T09:12:44Z","q":"withdrawl","lang":"en","results":0}}) and nginx or Apache access
 * logs in the common or combined format, of which only {@code GET /<locale>/search/?q=...} requests count. A line
 * that is neither is a bad line, counted and named by file and line; it never stops the report.
 */
public final class SearchLogs {

    /** The bad lines named one by one; the rest are only counted. */
    static final int NAMED_BAD_LINES = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code host ident user [time] "METHOD target protocol" status ...}: the common log format and its extensions. */
    private static final Pattern ACCESS = Pattern.compile(
            "^\\S+ \\S+ .*?\\[([^\\]]+)] \"([A-Z]+) (\\S+)(?: [^\"]*)?\" (\\d{3}) .*$");
    private static final DateTimeFormatter ACCESS_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    /** {@code /<base path>/<locale>/search/} or its {@code index.html}; a locale is a BCP 47 tag. */
    private static final Pattern SEARCH_PATH = Pattern.compile(
            "^(?:/[^?#]*)?/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/search/(?:index\\.html)?$");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");

    /**
     * What the logs held.
     *
     * @param lines    the non-blank lines read
     * @param events   the lines that were searches or opened results
     * @param ignored  access log lines for other pages, or without a query
     * @param bad      lines that were neither format, or broken
     * @param problems warnings naming the first bad lines of each file, and a count of the rest
     */
    public record Read(int lines, int events, int ignored, int bad, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    private SearchLogs() {
    }

    /**
     * Reads every log in order, handing each event to {@code events} as it is read (a log of millions of lines is
     * never held in memory). Logs rotated and compressed ({@code access.log.2.gz}) are read as they are. A missing
     * file is an error thrown before any line is read, an unreadable one an error after the others are read; a bad
     * line is a warning.
     */
    public static Read read(List<Path> logs, Consumer<SearchEvent> events) throws PharosException {
        List<Problem> errors = new ArrayList<>();
        for (Path log : logs) {
            if (!Files.isRegularFile(log)) {
                errors.add(Problem.error(log.toString(), 0, Files.exists(log) ? "is not a file; give a log file to --log"
                        : "no such log file; check the path given to --log"));
            }
        }
        if (!errors.isEmpty()) {
            throw new PharosException(errors);
        }
        List<Problem> problems = new ArrayList<>();
        int count = 0;
        int lines = 0;
        int ignored = 0;
        int bad = 0;
        for (Path log : logs) {
            String name = log.toString();
            int badHere = 0;
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(log), decoder))) {
                String text;
                int number = 0;
                while ((text = reader.readLine()) != null) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    lines++;
                    Line parsed = parse(text.strip(), name, number);
                    if (parsed.event() != null) {
                        count++;
                        events.accept(parsed.event());
                    } else if (parsed.problem() == null) {
                        ignored++;
                    } else {
                        bad++;
                        if (++badHere <= NAMED_BAD_LINES) {
                            problems.add(Problem.warning(name, number, parsed.problem() + "; line skipped"));
                        }
                    }
                }
            } catch (NoSuchFileException e) {
                errors.add(Problem.error(name, 0, "no such log file; check the path given to --log"));
            } catch (IOException e) {
                errors.add(Problem.error(name, 0, "cannot read the log: " + e.getMessage()));
            }
            if (badHere > NAMED_BAD_LINES) {
                problems.add(Problem.warning(name, 0, (badHere - NAMED_BAD_LINES) + " more bad lines skipped"));
            }
        }
        if (!errors.isEmpty()) {
            throw new PharosException(errors);
        }
        return new Read(lines, count, ignored, bad, problems);
    }

    private static InputStream open(Path log) throws IOException {
        InputStream in = Files.newInputStream(log);
        return log.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** One line's event; or no event and no problem (a line about something else); or the reason it is bad. */
    record Line(SearchEvent event, String problem) {
        static Line bad(String problem) {
            return new Line(null, problem);
        }
    }

    static Line parse(String text, String file, int number) {
        if (text.startsWith("{")) {
            return beacon(text, file, number);
        }
        Matcher m = ACCESS.matcher(text);
        if (m.matches()) {
            return access(m, file, number);
        }
        return Line.bad("neither a search beacon's JSON nor an access log line");
    }

    private static Line beacon(String text, String file, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Line.bad("not valid JSON: cut short or broken near column " + e.getLocation().getColumnNr());
        }
        if (!node.isObject()) {
            return Line.bad("not a JSON object");
        }
        if (node.path("v").asInt(0) != 1) {
            return Line.bad("not a search beacon event: \"v\" must be 1");
        }
        if (!node.path("q").isTextual()) {
            return Line.bad("no query: \"q\" must be text");
        }
        String lang = node.path("lang").asText("");
        if (!LOCALE.matcher(lang).matches()) {
            return Line.bad("\"lang\" must be a locale such as en or zh-CN, not '" + lang + "'");
        }
        if (!node.path("results").canConvertToInt() || !node.path("results").isIntegralNumber() || node.path("results").asInt() < 0) {
            return Line.bad("\"results\" must be a whole number of 0 or more");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(node.path("t").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            return Line.bad("\"t\" must be an ISO time such as 2026-11-03T09:12:44Z, not '" + node.path("t").asText("") + "'");
        }
        String opened = null;
        int rank = 0;
        if (node.has("opened")) {
            if (!node.path("opened").isTextual() || node.path("opened").asText().isBlank()) {
                return Line.bad("\"opened\" must be the URL of the opened result");
            }
            opened = node.path("opened").asText();
            rank = node.path("rank").isIntegralNumber() ? node.path("rank").asInt() : 0;
        }
        return new Line(new SearchEvent(time, lang, node.path("q").asText(), node.path("results").asInt(), opened, rank,
                SearchEvent.Source.BEACON, file, number), null);
    }

    private static Line access(Matcher m, String file, int number) {
        String target = m.group(3);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Matcher search = SEARCH_PATH.matcher(path);
        if (!m.group(2).equals("GET") || !search.matches() || question < 0 || m.group(4).charAt(0) >= '4') {
            return new Line(null, null);
        }
        String query = null;
        for (String pair : target.substring(question + 1).split("&")) {
            if (pair.startsWith("q=")) {
                try {
                    query = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Line.bad("the q= of the search URL is not valid percent-encoding");
                }
                break;
            }
        }
        if (query == null || query.isBlank() || query.indexOf('\uFFFD') >= 0) {
            return query != null && query.indexOf('\uFFFD') >= 0 ? Line.bad("the q= of the search URL is not UTF-8")
                    : new Line(null, null);
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(m.group(1), ACCESS_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Line.bad("the time [" + m.group(1) + "] is not like [03/Nov/2026:09:12:44 +0000]");
        }
        return new Line(new SearchEvent(time, search.group(1), query, -1, null, 0, SearchEvent.Source.ACCESS_LOG, file,
                number), null);
    }
}
