package dev.pharos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.PharosException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchLogsTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void beaconLinesBecomeSearchesAndOpenedResults() throws Exception {
        Path log = write("beacon.jsonl",
                "{\"v\":1,\"t\":\"2026-11-03T09:12:44.120Z\",\"q\":\"withdrawl\",\"lang\":\"en\",\"results\":0}",
                "",
                "{\"v\":1,\"t\":\"2026-11-03T09:13:00Z\",\"q\":\"提币\",\"lang\":\"zh-CN\",\"results\":5,\"opened\":\"/zh-CN/a/\",\"rank\":2}");
        List<SearchEvent> events = new java.util.ArrayList<>();
        SearchLogs.Read read = SearchLogs.read(List.of(log), events::add);
        assertThat(read.lines()).isEqualTo(2);
        assertThat(read.events()).isEqualTo(2);
        assertThat(read.bad()).isZero();
        assertThat(events).containsExactly(
                new SearchEvent(Instant.parse("2026-11-03T09:12:44.120Z"), "en", "withdrawl", 0, null, 0,
                        SearchEvent.Source.BEACON, log.toString(), 1),
                new SearchEvent(Instant.parse("2026-11-03T09:13:00Z"), "zh-CN", "提币", 5, "/zh-CN/a/", 2,
                        SearchEvent.Source.BEACON, log.toString(), 3));
    }

    @Test
    void accessLogSearchRequestsAreReadWithTheirLocaleDecodedQueryAndTime() throws Exception {
        Path log = write("access.log",
                "203.0.113.9 - - [06/Nov/2026:00:16:08 +0800] \"GET /zh-CN/search/?q=%E8%B4%A6%E6%88%B7%E5%86%BB%E7%BB%93 HTTP/2.0\" 200 10079 \"-\" \"Mozilla/5.0\"",
                "203.0.113.8 - - [06/Nov/2026:00:17:10 +0000] \"GET /help/en/search/?lang=x&q=reset+password HTTP/1.1\" 200 11933",
                "203.0.113.8 - - [06/Nov/2026:00:17:11 +0000] \"GET /_pharos/search/en/meta.json HTTP/1.1\" 200 812 \"-\" \"x\"",
                "203.0.113.8 - - [06/Nov/2026:00:17:12 +0000] \"GET /en/search/ HTTP/1.1\" 200 9000 \"-\" \"x\"",
                "203.0.113.8 - - [06/Nov/2026:00:17:13 +0000] \"POST /en/search/?q=x HTTP/1.1\" 405 0 \"-\" \"x\"");
        List<SearchEvent> events = new java.util.ArrayList<>();
        SearchLogs.Read read = SearchLogs.read(List.of(log), events::add);
        assertThat(events).extracting(SearchEvent::locale, SearchEvent::query, SearchEvent::time, SearchEvent::results,
                SearchEvent::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zh-CN", "账户冻结", Instant.parse("2026-11-05T16:16:08Z"), -1,
                        SearchEvent.Source.ACCESS_LOG),
                org.assertj.core.groups.Tuple.tuple("en", "reset password", Instant.parse("2026-11-06T00:17:10Z"), -1,
                        SearchEvent.Source.ACCESS_LOG));
        assertThat(read.ignored()).isEqualTo(3);
        assertThat(read.bad()).isZero();
    }

    @Test
    void rotatedCompressedLogsAreReadAsTheyAre() throws Exception {
        Path log = dir.resolve("access.log.2.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(log))) {
            out.write(("203.0.113.8 - - [06/Nov/2026:00:17:10 +0000] \"GET /en/search/?q=fees HTTP/1.1\" 200 1\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<SearchEvent> events = new java.util.ArrayList<>();
        SearchLogs.read(List.of(log), events::add);
        assertThat(events).extracting(SearchEvent::query).containsExactly("fees");

        Path broken = dir.resolve("cut.log.gz");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(log), 12));
        assertThatThrownBy(() -> SearchLogs.read(List.of(broken), e -> { }))
                .isInstanceOf(PharosException.class).hasMessageContaining("cut.log.gz: error: cannot read the log");
    }

    @Test
    void badLinesAreCountedAndTheFirstNamedByFileAndLine() throws Exception {
        String good = "{\"v\":1,\"t\":\"2026-11-03T09:12:44Z\",\"q\":\"fees\",\"lang\":\"en\",\"results\":3}";
        Path log = write("mixed.log",
                good,
                "{\"v\":1,\"t\":\"2026-11-03T09:12:44Z\",\"q\":\"fe",
                "hello",
                "{\"v\":2,\"t\":\"2026-11-03T09:12:44Z\",\"q\":\"fees\",\"lang\":\"en\",\"results\":3}",
                "{\"v\":1,\"t\":\"yesterday\",\"q\":\"fees\",\"lang\":\"en\",\"results\":3}",
                "{\"v\":1,\"t\":\"2026-11-03T09:12:44Z\",\"q\":\"fees\",\"lang\":\"en\",\"results\":\"many\"}",
                "{\"v\":1,\"t\":\"2026-11-03T09:12:44Z\",\"q\":\"fees\",\"lang\":\"<b>\",\"results\":3}",
                "203.0.113.8 - - [06/Nov/2026:00:17:10 +0000] \"GET /en/search/?q=%E0%A4 HTTP/1.1\" 200 1",
                "203.0.113.8 - - [yesterday] \"GET /en/search/?q=fees HTTP/1.1\" 200 1",
                good);
        List<SearchEvent> events = new java.util.ArrayList<>();
        SearchLogs.Read read = SearchLogs.read(List.of(log), events::add);
        assertThat(events).hasSize(2);
        assertThat(read.bad()).isEqualTo(8);
        String name = log.toString();
        assertThat(read.problems()).extracting(Object::toString).containsExactly(
                name + ":2: warning: not valid JSON: cut short or broken near column 42; line skipped",
                name + ":3: warning: neither a search beacon's JSON nor an access log line; line skipped",
                name + ":4: warning: not a search beacon event: \"v\" must be 1; line skipped",
                name + ":5: warning: \"t\" must be an ISO time such as 2026-11-03T09:12:44Z, not 'yesterday'; line skipped",
                name + ":6: warning: \"results\" must be a whole number of 0 or more; line skipped",
                name + ": warning: 3 more bad lines skipped");
    }

    @Test
    void aMissingLogIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> SearchLogs.read(List.of(missing), e -> { }))
                .isInstanceOf(PharosException.class)
                .satisfies(e -> assertThat(((PharosException) e).problems()).extracting(Object::toString)
                        .containsExactly(missing + ": error: no such log file; check the path given to --log"));
    }

    @Test
    void bytesThatAreNoTextAndEndlessLinesAreBadLinesNotACrash() throws Exception {
        Path log = dir.resolve("garbage.bin");
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(15).nextBytes(noise);
        String endless = "{\"v\":1,\"q\":\"" + "a".repeat(2_000_000);
        Files.write(log, noise);
        Files.writeString(log, "\n" + endless + "\n{\"v\":1,\"q\":[1,2],\"lang\":\"en\",\"results\":1,\"t\":\"2026-11-03T09:12:44Z\"}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<SearchEvent> events = new java.util.ArrayList<>();
        SearchLogs.Read read = SearchLogs.read(List.of(log), events::add);
        assertThat(events).isEmpty();
        assertThat(read.bad()).isEqualTo(read.lines()).isGreaterThan(2);
        assertThat(read.problems()).last().asString().endsWith("more bad lines skipped");
    }
}
