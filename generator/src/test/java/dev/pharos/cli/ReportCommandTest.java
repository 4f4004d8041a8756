package dev.pharos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PharosCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void writesTheReportAndNamesBadLines() throws Exception {
        Path log = dir.resolve("s.jsonl");
        Files.writeString(log, "{\"v\":1,\"t\":\"2026-11-03T10:00:00Z\",\"q\":\"withdrawl\",\"lang\":\"en\",\"results\":0}\nnot a log line\n");
        int code = run("report", "searches", "--log", log.toString(), "--out", dir.resolve("r").toString());
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Read 1 searches in 1 locales (1 found nothing), skipped 1 bad line; wrote ");
        assertThat(err.toString()).contains(log + ":2: warning: neither a search beacon's JSON nor an access log line");
        assertThat(dir.resolve("r/report.html")).isRegularFile();
        assertThat(dir.resolve("r/report.json")).isRegularFile();
    }

    @Test
    void aMissingLogFileFailsWithItsNameAndNoStackTrace() {
        Path missing = dir.resolve("missing.jsonl");
        int code = run("report", "searches", "--log", missing.toString(), "--out", dir.resolve("r").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(missing + ": error: no such log file; check the path given to --log")
                .contains("Report failed.").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void withoutALogItIsAUsageMistake() {
        assertThat(run("report", "searches")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--log=FILE'");
    }
}
