package dev.pharos.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pharos.BuildResult;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report tools and CI read: every page (source, locale, URL, title, section), every warning or error
 * (file, line, message) and the timings.
 */
public final class BuildReport {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BuildReport() {
    }

    public static void write(Path file, BuildResult result) throws PharosException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", "ok");
        report.put("output", result.output().toString());
        report.put("files", result.files());
        report.put("pages", result.pages());
        report.put("warnings", problems(result.warnings()));
        report.put("errors", List.of());
        report.put("timings", result.timings());
        report.put("runtime", runtime());
        save(file, report);
    }

    /** A report for a failed build: no pages, the errors and warnings. */
    public static void writeFailure(Path file, List<Problem> problems) throws PharosException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", "failed");
        report.put("pages", List.of());
        report.put("warnings", problems(problems.stream().filter(p -> !p.isError()).toList()));
        report.put("errors", problems(problems.stream().filter(Problem::isError).toList()));
        save(file, report);
    }

    /** The JVM the build ran in and its options: what a timing depends on besides the site. */
    private static Map<String, Object> runtime() {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("java", System.getProperty("java.version"));
        runtime.put("vm", System.getProperty("java.vm.name"));
        runtime.put("processors", Runtime.getRuntime().availableProcessors());
        runtime.put("maxHeap", Runtime.getRuntime().maxMemory());
        runtime.put("options", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        return runtime;
    }

    private static List<Map<String, Object>> problems(List<Problem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("message", p.message());
            out.add(m);
        }
        return out;
    }

    private static void save(Path file, Map<String, Object> report) throws PharosException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot write the report " + file + ": " + e.getMessage()));
        }
    }
}
