package dev.pharos.report;

import dev.pharos.Problem;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.Site;
import dev.pharos.internal.Suggestions;
import dev.pharos.internal.TextFiles;
import dev.pharos.search.Analysis;
import dev.pharos.search.Synonyms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words a site's search index holds, per locale, read from its content with the same analysis the build uses,
 * and its synonyms files: what a missed query is compared with to suggest a synonym line.
 */
final class SearchVocabulary {

    /** Typos are suggested only for words this long: shorter ones are one edit away from too many others. */
    static final int MIN_WORD = 4;

    /** A line of {@code synonyms/<locale>.txt}: its number, its text, and its entries as written (lower-cased). */
    record SynonymLine(int line, String text, List<String> entries) {
    }

    /** One locale's words: surfaces (lower-cased, folded) with how often they occur, and the indexed terms. */
    static final class Lexicon {
        final Analysis analysis;
        final Map<String, Integer> surfaces = new HashMap<>();
        final Set<String> terms = new HashSet<>();
        final Set<String> optional;
        final List<SynonymLine> synonyms = new ArrayList<>();
        final Set<String> synonymTerms = new HashSet<>();
        final String synonymsFile;

        Lexicon(Analysis analysis, String synonymsFile) {
            this.analysis = analysis;
            this.optional = new HashSet<>(analysis.optionalWords());
            this.synonymsFile = synonymsFile;
        }

        void add(String text) {
            analysis.surfaces(text, surface -> {
                surfaces.merge(surface, 1, Integer::sum);
                String term = analysis.term(surface);
                if (term != null) {
                    terms.add(term);
                }
            });
        }

        /** The query's terms that matter (no stop words, no "how do I"), as the browser searches them. */
        List<String> meaningfulTerms(String query) {
            return analysis.terms(query).stream().filter(t -> !optional.contains(t)).toList();
        }

        /** True when no word of the query is in the index or a synonym group: the browser is unlikely to find it. */
        boolean unknown(String query) {
            List<String> terms = meaningfulTerms(query);
            return !terms.isEmpty() && terms.stream().noneMatch(t -> this.terms.contains(t) || synonymTerms.contains(t));
        }
    }

    private final Map<String, Lexicon> locales;

    private SearchVocabulary(Map<String, Lexicon> locales) {
        this.locales = locales;
    }

    Optional<Lexicon> of(String locale) {
        return Optional.ofNullable(locales.get(locale));
    }

    /** Reads a content root's published pages and synonyms; content problems are the build's to report, not ours. */
    static SearchVocabulary load(Path contentRoot, List<Problem> problems) {
        Site site = ContentLoader.load(contentRoot, new ContentLoader.Options(false, LocalDate.now(ZoneOffset.UTC)));
        Map<String, Lexicon> locales = new TreeMap<>();
        for (LocaleInfo locale : site.config().locales()) {
            Lexicon lexicon = new Lexicon(new Analysis(Analysis.Kind.of(locale)), Synonyms.fileName(locale.code()));
            for (Page page : site.pages(locale.code())) {
                if (page.fallback() || page.draft()) {
                    continue;
                }
                lexicon.add(page.title());
                lexicon.add(page.description());
                page.tags().forEach(lexicon::add);
                lexicon.add(page.markdown());
            }
            readSynonyms(contentRoot, lexicon, problems);
            locales.put(locale.code(), lexicon);
        }
        return new SearchVocabulary(locales);
    }

    private static void readSynonyms(Path contentRoot, Lexicon lexicon, List<Problem> problems) {
        Path file = contentRoot.resolve(lexicon.synonymsFile);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String text;
        try {
            text = TextFiles.read(file, lexicon.synonymsFile);
        } catch (TextFiles.Unreadable e) {
            problems.add(Problem.warning(lexicon.synonymsFile, 0, "cannot read the synonyms: " + e.getMessage()));
            return;
        }
        // Parsed by Synonyms for the terms the browser uses; read here as written too, to suggest lines in its words.
        Synonyms.parse(text, lexicon.synonymsFile, lexicon.analysis, new ArrayList<>()).groups()
                .forEach(g -> g.forEach(lexicon.synonymTerms::addAll));
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip().replace("\uFEFF", "");
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> entries = new ArrayList<>();
            for (String part : line.split(Synonyms.SEPARATORS, -1)) {
                if (!part.isBlank()) {
                    entries.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (entries.size() >= 2) {
                lexicon.synonyms.add(new SynonymLine(i + 1, line, entries));
            }
        }
    }

    /**
     * A suggested line for a synonyms file.
     *
     * @param word     the reader's word that is not in the index
     * @param near     the indexed word or synonym one edit away
     * @param line     the line to write
     * @param replaces the line of the file it replaces (an existing group with the word added), or 0 for a new line
     * @param misses   how many missed searches held the word
     * @param example  the most frequent missed query that held it
     */
    record Suggestion(String word, String near, String line, int replaces, int misses, String example) {
    }

    /**
     * Synonym lines for missed queries (normalised query → misses) of a locale: each word of 4 or more letters that
     * the index does not know and that is one edit (Damerau–Levenshtein, see {@link #oneEdit}) from an indexed word or
     * a synonym. A word near a word of a group joins that group (one line per group, however many words join it),
     * else it starts a new line with the indexed word.
     */
    static List<Suggestion> suggest(Lexicon lexicon, Map<String, Integer> misses) {
        Map<String, Integer> wordMisses = new HashMap<>();
        Map<String, String> example = new HashMap<>();
        Map<String, Integer> exampleCount = new HashMap<>();
        for (Map.Entry<String, Integer> e : misses.entrySet()) {
            for (String word : new java.util.LinkedHashSet<>(lexicon.analysis.surfaces(e.getKey()))) {
                wordMisses.merge(word, e.getValue(), Integer::sum);
                int best = exampleCount.getOrDefault(word, 0);
                if (e.getValue() > best || e.getValue() == best && e.getKey().compareTo(example.get(word)) < 0) {
                    example.put(word, e.getKey());
                    exampleCount.put(word, e.getValue());
                }
            }
        }
        Set<String> entries = new HashSet<>();
        lexicon.synonyms.forEach(l -> entries.addAll(l.entries()));
        Map<SynonymLine, List<String[]>> joining = new LinkedHashMap<>();
        List<Suggestion> out = new ArrayList<>();
        for (String word : new java.util.TreeSet<>(wordMisses.keySet())) {
            String term = lexicon.analysis.term(word);
            if (word.codePointCount(0, word.length()) < MIN_WORD || term == null || lexicon.optional.contains(term)
                    || lexicon.terms.contains(term) || entries.contains(word)) {
                continue;
            }
            Optional<SynonymLine> group = lexicon.synonyms.stream()
                    .filter(l -> l.entries().stream().anyMatch(e -> oneEdit(word, e)))
                    .findFirst();
            Optional<String> indexed = nearestIndexed(lexicon, word);
            if (group.isEmpty() && indexed.isPresent()) {
                // The indexed word may already be in a group: join that group rather than put it in two.
                String near = indexed.get();
                group = lexicon.synonyms.stream().filter(l -> l.entries().contains(near)).findFirst();
            }
            if (group.isPresent()) {
                String near = group.get().entries().stream().filter(e -> oneEdit(word, e)).findFirst()
                        .orElse(indexed.orElse(group.get().entries().get(0)));
                joining.computeIfAbsent(group.get(), g -> new ArrayList<>()).add(new String[] {word, near});
            } else if (indexed.isPresent()) {
                out.add(new Suggestion(word, indexed.get(), word + ", " + indexed.get(), 0, wordMisses.get(word),
                        example.get(word)));
            }
        }
        for (Map.Entry<SynonymLine, List<String[]>> e : joining.entrySet()) {
            StringBuilder line = new StringBuilder(e.getKey().text());
            int count = 0;
            for (String[] joined : e.getValue()) {
                line.append(", ").append(joined[0]);
                count += wordMisses.get(joined[0]);
            }
            String[] first = e.getValue().get(0);
            List<String> words = e.getValue().stream().map(j -> j[0]).toList();
            out.add(new Suggestion(String.join(", ", words), first[1], line.toString(), e.getKey().line(), count,
                    example.get(first[0])));
        }
        out.sort(Comparator.comparingInt(Suggestion::misses).reversed().thenComparing(Suggestion::word));
        return out;
    }

    /** The most frequent indexed surface one edit away (ties: alphabetical), whose term the index holds. */
    private static Optional<String> nearestIndexed(Lexicon lexicon, String word) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : lexicon.surfaces.entrySet()) {
            String s = e.getKey();
            if (s.codePointCount(0, s.length()) < MIN_WORD || !oneEdit(word, s)) {
                continue;
            }
            if (e.getValue() > bestCount || e.getValue() == bestCount && s.compareTo(best) < 0) {
                best = s;
                bestCount = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One insertion, deletion, substitution or swap of neighbours apart, after the first letter: readers rarely mistype
     * the first, and most words one edit from another there are other words ("staking", "taking").
     */
    static boolean oneEdit(String a, String b) {
        return !a.equals(b) && !a.isEmpty() && !b.isEmpty() && a.charAt(0) == b.charAt(0)
                && Math.abs(a.length() - b.length()) <= 1 && Suggestions.distance(a, b) <= 1;
    }
}
