package dev.pharos.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link CheckReport} for CI: JSON for tools, JUnit XML for test-report viewers (GitHub Actions, GitLab,
 * Jenkins), and the translation table as plain text lines for people. Output is deterministic: same content, same
 * bytes.
 */
public final class CheckReports {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CheckReports() {
    }

    /** The whole report as JSON: status, counts, findings, translation coverage and stale articles. */
    public static void writeJson(Path file, CheckReport report) throws PharosException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", report.failed() ? "failed" : "ok");
        json.put("errors", report.errors());
        json.put("warnings", report.warnings());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", f.check());
            m.put("severity", f.problem().severity().name().toLowerCase(Locale.ROOT));
            m.put("file", f.problem().file());
            m.put("line", f.problem().line());
            m.put("message", f.problem().message());
            findings.add(m);
        }
        json.put("findings", findings);
        List<Map<String, Object>> coverage = new ArrayList<>();
        for (CheckReport.Coverage c : report.translations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("locale", c.locale());
            m.put("sources", c.sources());
            m.put("translated", c.translated());
            m.put("outdated", c.outdated());
            m.put("missing", c.missing());
            m.put("percentCurrent", c.percentCurrent());
            coverage.add(m);
        }
        json.put("translations", coverage);
        json.put("stale", report.stale());
        try {
            createParent(file);
            JSON.writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot write " + file + ": " + e.getMessage()));
        }
    }

    /**
     * JUnit XML: a test suite per check and a test case per file it examined. Errors are failures; warnings are
     * listed in the case's {@code system-out} so they show without failing it.
     */
    public static void writeJUnit(Path file, CheckReport report) throws PharosException {
        Map<String, Map<String, List<Problem>>> byCheck = new TreeMap<>();
        for (String check : CheckReport.CHECKS) {
            Map<String, List<Problem>> files = new TreeMap<>();
            for (String f : report.checked().getOrDefault(check, Set.of())) {
                files.put(f, new ArrayList<>());
            }
            byCheck.put(check, files);
        }
        for (Finding f : report.findings()) {
            String subject = f.problem().file() == null ? "(site)" : f.problem().file();
            byCheck.get(f.check()).computeIfAbsent(subject, k -> new ArrayList<>()).add(f.problem());
        }
        try {
            createParent(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuites");
                xml.writeAttribute("name", "pharos check");
                xml.writeAttribute("tests", String.valueOf(byCheck.values().stream().mapToInt(Map::size).sum()));
                xml.writeAttribute("failures", String.valueOf(failures(byCheck.values())));
                xml.writeAttribute("errors", "0");
                xml.writeCharacters("\n");
                for (String check : CheckReport.CHECKS) {
                    Map<String, List<Problem>> files = byCheck.get(check);
                    xml.writeStartElement("testsuite");
                    xml.writeAttribute("name", check);
                    xml.writeAttribute("tests", String.valueOf(files.size()));
                    xml.writeAttribute("failures", String.valueOf(failures(List.of(files))));
                    xml.writeAttribute("errors", "0");
                    xml.writeAttribute("skipped", "0");
                    xml.writeCharacters("\n");
                    for (Map.Entry<String, List<Problem>> e : files.entrySet()) {
                        testCase(xml, check, e.getKey(), e.getValue());
                    }
                    xml.writeEndElement();
                    xml.writeCharacters("\n");
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new PharosException(Problem.error(null, 0, "cannot write " + file + ": " + e.getMessage()));
        }
    }

    private static void testCase(XMLStreamWriter xml, String check, String file, List<Problem> problems)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "pharos." + check);
        xml.writeAttribute("name", file);
        xml.writeAttribute("file", file);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        List<Problem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        if (!errors.isEmpty()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", check);
            xml.writeAttribute("message", errors.get(0).toString()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
            xml.writeCharacters(lines(errors));
            xml.writeEndElement();
        }
        if (!warnings.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(warnings));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String lines(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        problems.forEach(p -> out.append(p).append('\n'));
        return out.toString();
    }

    private static long failures(java.util.Collection<Map<String, List<Problem>>> checks) {
        return checks.stream().flatMap(m -> m.values().stream())
                .filter(list -> list.stream().anyMatch(Problem::isError)).count();
    }

    /**
     * The translation coverage table as aligned text lines, then the missing and outdated files per locale.
     * Empty for a single-locale site.
     */
    public static List<String> translationTable(CheckReport report) {
        if (report.translations().isEmpty()) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Locale", "Translated", "Outdated", "Missing", "Up to date"});
        for (CheckReport.Coverage c : report.translations()) {
            rows.add(new String[] {c.locale(), c.translated() + "/" + c.sources(), String.valueOf(c.outdated().size()),
                    String.valueOf(c.missing().size()), c.percentCurrent() + "%"});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r)[i];
                line.append(i == 0 ? cell + " ".repeat(widths[i] - cell.length())
                        : " ".repeat(widths[i] - cell.length()) + cell);
                line.append(i < widths.length - 1 ? "  " : "");
            }
            out.add(line.toString());
            if (r == 0) {
                out.add("-".repeat(line.length()));
            }
        }
        for (CheckReport.Coverage c : report.translations()) {
            Set<String> shown = new TreeSet<>();
            for (CheckReport.Outdated o : c.outdated()) {
                shown.add("  outdated " + o.file() + " (source " + o.source() + " changed " + o.sourceDate()
                        + ", translated " + o.translationDate() + ")");
            }
            for (String m : c.missing()) {
                shown.add("  missing  " + m);
            }
            if (!shown.isEmpty()) {
                out.add(c.locale() + ":");
                out.addAll(shown);
            }
        }
        return out;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
