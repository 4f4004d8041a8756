package dev.pharos.report;

import dev.pharos.PharosException;
import dev.pharos.Problem;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a search report: HTML through the default theme's {@code report/searches.html.peb}, and JSON. */
final class ReportFiles {

    /** Where the theme's report templates are inside the jar (themes/default/report/ in the repository). */
    private static final String TEMPLATES = "pharos/themes/default/report/";

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(classpath())
            .autoEscaping(true)
            .strictVariables(false)
            .newLineTrimming(true)
            .build();

    private ReportFiles() {
    }

    private static ClasspathLoader classpath() {
        ClasspathLoader loader = new ClasspathLoader(ReportFiles.class.getClassLoader());
        loader.setPrefix(TEMPLATES);
        return loader;
    }

    static String html(SearchReport.Report report) {
        PebbleTemplate template = ENGINE.getTemplate("searches.html.peb");
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, Map.of("report", report));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter never fails
        }
        return out.toString();
    }

    static void write(SearchReport.Report report, Path html, Path json) throws PharosException {
        try {
            Files.createDirectories(html.getParent());
            Files.writeString(html, html(report), StandardCharsets.UTF_8);
            Files.writeString(json, SearchReport.json(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PharosException(Problem.error(html.getParent().toString(), 0,
                    "cannot write the report: " + e.getMessage()));
        }
    }
}
