package dev.pharos.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code pharos report searches}: what readers searched for and did not find, from the search beacon's JSON lines
 * or a web server's access log. Per locale: the queries that found nothing, the queries whose results nobody opened,
 * misses per day, and (given the content root) synonym lines that would have found something. Written as a
 * self-contained {@code report.html} and as {@code report.json}; the same logs give the same bytes.
 */
public final class SearchReport {

    /** How many queries each table lists. */
    static final int TOP = 25;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * @param logs   the log files, JSON lines or access logs (the format is detected per line)
     * @param out    the folder for {@code report.html} and {@code report.json}
     * @param source the content root, for synonym suggestions and to estimate which access-logged searches missed;
     *               null for none
     */
    public record Options(List<Path> logs, Path out, Path source) {
        public Options {
            logs = List.copyOf(logs);
        }

        public static Options of(List<Path> logs, Path out) {
            return new Options(logs, out, null);
        }

        public Options withSource(Path source) {
            return new Options(logs, out, source);
        }
    }

    /**
     * The report as written to {@code report.json} and shown by the HTML.
     *
     * @param logs       the log files' names
     * @param withSource true when a content root was given: suggestions, and access-logged misses, were looked for
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(int version, List<String> logs, int lines, int events, int ignoredLines, int badLines,
            String from, String to, boolean withSource, List<LocaleReport> locales) {
    }

    /**
     * One locale's part.
     *
     * @param searches       searches read (opened results not counted)
     * @param misses         searches that found nothing: beacon events with 0 results, plus access-logged searches
     *                       no word of which the index holds (only with a content root)
     * @param unknownResults access-logged searches whose result count the log cannot tell
     * @param opened         results opened
     * @param synonymsFile   the file the suggestions belong in, relative to the content root
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocaleReport(String locale, int searches, int misses, int unknownResults, int opened,
            List<QueryCount> noResults, List<QueryCount> notOpened, List<DayCount> days, Chart chart,
            String synonymsFile, List<Suggestion> suggestions) {
    }

    /** A normalised query and how often it was searched (and for no-click queries, the most results it had). */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record QueryCount(String query, int searches, int results) {
    }

    /** Searches and misses of one UTC day. */
    public record DayCount(String date, int searches, int misses) {
    }

    /** Misses per day as bars: geometry for the template's inline SVG, in SVG user units. */
    public record Chart(int width, int height, int max, int baseline, List<Bar> bars) {
    }

    public record Bar(String date, String label, int misses, int x, int y, int width, int height, int labelX) {
    }

    /** A line for {@code synonyms/<locale>.txt}: new, or replacing line {@code replaces}. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Suggestion(String line, String words, String near, int replaces, int misses, String example) {
    }

    /** The files written, the report, and warnings (bad log lines by file and line). */
    public record Result(Report report, Path html, Path json, List<Problem> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private SearchReport() {
    }

    /** Reads the logs and writes the report; a missing log or an unwritable folder throws, a bad line is a warning. */
    public static Result run(Options options) throws PharosException {
        if (options.logs().isEmpty()) {
            throw new PharosException(Problem.error("--log", 0, "give one or more log files"));
        }
        if (options.source() != null && !Files.isRegularFile(options.source().resolve("pharos.yml"))) {
            throw new PharosException(Problem.error(options.source().toString(), 0,
                    "no pharos.yml here; --source must be the content root"));
        }
        List<Problem> warnings = new ArrayList<>();
        SearchVocabulary vocabulary = options.source() == null ? null : SearchVocabulary.load(options.source(), warnings);
        Tally tally = new Tally(vocabulary);
        SearchLogs.Read read = SearchLogs.read(options.logs(), tally::add);
        warnings.addAll(0, read.problems());
        Report report = tally.report(read, options.logs());
        Path html = options.out().resolve("report.html");
        Path json = options.out().resolve("report.json");
        ReportFiles.write(report, html, json);
        return new Result(report, html, json, warnings);
    }

    /** Trimmed, lower-cased, runs of spaces as one, full-width forms as ASCII: how queries are grouped. */
    public static String normalise(String query) {
        String text = Normalizer.normalize(query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static LocalDate day(SearchEvent e) {
        return e.time().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * Counts events as they are read, keeping only counts per distinct query and day: memory grows with what readers
     * searched for, not with the length of the logs.
     */
    static final class Tally {
        private final SearchVocabulary vocabulary;
        private final Map<String, LocaleTally> locales = new TreeMap<>();
        private final TreeSet<LocalDate> days = new TreeSet<>();

        Tally(SearchVocabulary vocabulary) {
            this.vocabulary = vocabulary;
        }

        void add(SearchEvent e) {
            String q = normalise(e.query());
            if (q.isEmpty()) {
                return;
            }
            LocalDate day = day(e);
            days.add(day);
            locales.computeIfAbsent(e.locale(), k -> new LocaleTally(
                    vocabulary == null ? Optional.empty() : vocabulary.of(k))).add(e, q, day);
        }

        Report report(SearchLogs.Read read, List<Path> logs) {
            List<LocaleReport> out = new ArrayList<>();
            locales.forEach((code, tally) -> out.add(tally.report(code, days, vocabulary != null)));
            List<String> names = logs.stream().map(p -> p.getFileName().toString()).toList();
            String from = days.isEmpty() ? null : days.first().toString();
            String to = days.isEmpty() ? null : days.last().toString();
            return new Report(1, names, read.lines(), read.events(), read.ignored(), read.bad(), from, to,
                    vocabulary != null, out);
        }
    }

    private static final class LocaleTally {
        final Optional<SearchVocabulary.Lexicon> lexicon;
        final Map<String, Integer> misses = new HashMap<>();
        final Map<String, Integer> found = new HashMap<>();
        final Map<String, Integer> mostResults = new HashMap<>();
        final Set<String> openedQueries = new HashSet<>();
        /** Access-logged queries already judged against the vocabulary: the analysis runs once per query. */
        final Map<String, Boolean> unknownWords = new HashMap<>();
        final Map<LocalDate, int[]> days = new HashMap<>();
        int searches;
        int missCount;
        int unknown;
        int opened;

        LocaleTally(Optional<SearchVocabulary.Lexicon> lexicon) {
            this.lexicon = lexicon;
        }

        void add(SearchEvent e, String q, LocalDate date) {
            if (e.isOpen()) {
                opened++;
                openedQueries.add(q);
                return;
            }
            searches++;
            int[] day = days.computeIfAbsent(date, d -> new int[2]);
            day[0]++;
            boolean missed;
            if (e.resultsKnown()) {
                missed = e.results() == 0;
                if (!missed) {
                    found.merge(q, 1, Integer::sum);
                    mostResults.merge(q, e.results(), Math::max);
                }
            } else {
                missed = lexicon.isPresent() && unknownWords.computeIfAbsent(q, lexicon.get()::unknown);
                if (!missed) {
                    unknown++;
                }
            }
            if (missed) {
                missCount++;
                day[1]++;
                misses.merge(q, 1, Integer::sum);
            }
        }

        LocaleReport report(String locale, Set<LocalDate> allDays, boolean withSource) {
            List<QueryCount> noResults = top(misses, Map.of());
            Map<String, Integer> unopened = new HashMap<>(found);
            unopened.keySet().removeAll(openedQueries);
            List<QueryCount> notOpened = top(unopened, mostResults);
            // Every day of the logs, so the charts of all locales share one axis.
            List<DayCount> dayCounts = allDays.stream().map(d -> {
                int[] c = days.getOrDefault(d, new int[2]);
                return new DayCount(d.toString(), c[0], c[1]);
            }).toList();
            List<Suggestion> suggestions = null;
            String synonymsFile = null;
            if (withSource) {
                synonymsFile = lexicon.map(l -> l.synonymsFile).orElse(null);
                suggestions = lexicon.map(l -> SearchVocabulary.suggest(l, misses).stream()
                        .map(s -> new Suggestion(s.line(), s.word(), s.near(), s.replaces(), s.misses(), s.example()))
                        .toList()).orElse(List.of());
            }
            return new LocaleReport(locale, searches, missCount, unknown, opened, noResults, notOpened, dayCounts,
                    chart(dayCounts), synonymsFile, suggestions);
        }
    }

    /** The most searched first, then alphabetical: the same logs list the same queries in the same order. */
    private static List<QueryCount> top(Map<String, Integer> counts, Map<String, Integer> results) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> new QueryCount(e.getKey(), e.getValue(), results.getOrDefault(e.getKey(), 0)))
                .toList();
    }

    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 160;
    static final int CHART_LABELS = 24;

    /** Bars of misses per day, when the log spans two days or more. */
    static Chart chart(List<DayCount> days) {
        if (days.size() < 2) {
            return null;
        }
        int max = Math.max(1, days.stream().mapToInt(DayCount::misses).max().orElse(0));
        int plot = CHART_HEIGHT - CHART_LABELS;
        int slot = CHART_WIDTH / days.size();
        int barWidth = Math.max(2, slot * 7 / 10);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayCount d = days.get(i);
            int height = (int) Math.round((double) d.misses() * (plot - 16) / max);
            int x = i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(d.date(), d.date().substring(5), d.misses(), x, plot - height, barWidth, height,
                    x + barWidth / 2));
        }
        return new Chart(CHART_WIDTH, CHART_HEIGHT, max, plot, bars);
    }

    static String json(Report report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report is plain data", e);
        }
    }
}
