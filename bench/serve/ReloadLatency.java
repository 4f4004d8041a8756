import dev.pharos.BuildOptions;
import dev.pharos.Pharos;
import dev.pharos.serve.DevServer;
import dev.pharos.serve.ServeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Edit-to-reload latency of `pharos serve` on a real content root, against a full build of the same site in the
 * same run. Copies the content to a temporary folder, starts the preview server, opens the event stream as a browser
 * tab does, then N times: appends a sentence to one article, times until the `reload` event arrives and until the
 * article's page serves the new sentence. Usage (from the repository root, after `mvn -q -pl generator package`):
 *
 *   java -cp generator/target/pharos.jar bench/serve/ReloadLatency.java content en/account/reset-password.md 30
 *
 * A fourth argument sets how many full builds to time for the ratio (default 5; at least 1).
 */
public class ReloadLatency {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : "content");
        String article = args.length > 1 ? args[1] : "en/account/reset-password.md";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int fullBuilds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path work = Files.createTempDirectory("pharos-reload-bench");
        copy(source, work.resolve("content"));
        Path content = work.resolve("content");

        List<Long> full = new ArrayList<>();
        for (int i = 0; i < fullBuilds; i++) {
            long t = System.nanoTime();
            Pharos.build(BuildOptions.of(content, work.resolve("full")).withDrafts(true).withBaseUrl("/"));
            full.add((System.nanoTime() - t) / 1_000_000);
        }

        HttpClient http = HttpClient.newHttpClient();
        List<Long> toEvent = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<Long> toPage = new ArrayList<>();
        List<Long> toIndex = new ArrayList<>();
        try (DevServer server = Pharos.serve(ServeOptions.of(content).withPort(0), new DevServer.Listener() {
            @Override
            public void built(dev.pharos.BuildResult result, long millis, int rendered, boolean first) {
                if (System.getenv("RL_TIMINGS") != null) { // each rebuild's stages, to see where a slow one went
                    System.err.println("rebuild " + millis + " ms, rendered " + rendered + ": " + result.timings());
                }
            }
        })) {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(server.url().resolve("/_pharos/dev/events")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> {
                try {
                    stream.body().filter(l -> l.startsWith("event: ")).forEach(events::add);
                } catch (java.io.UncheckedIOException e) {
                    // the server stopped at the end of the run
                }
            });
            reader.setDaemon(true);
            reader.start();
            Path file = content.resolve(article);
            String original = Files.readString(file);
            String url = "/" + article.replaceFirst("\\.md$", "/");
            for (int i = 0; i < rounds + 3; i++) {
                String marker = "Bench sentence number " + i + ".";
                Thread.sleep(150);
                events.clear();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                Files.writeString(file, original + "\n" + marker + "\n");
                String event = events.poll(30, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                String body = http.send(HttpRequest.newBuilder(server.url().resolve(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                long t2 = System.nanoTime();
                // The search index is written after the reload; a search request waits for it. The next save comes
                // after it, as a writer's does (saves faster than indexing skip all but the newest index).
                String locale = article.substring(0, article.indexOf('/'));
                int meta = http.send(HttpRequest.newBuilder(server.url().resolve("/_pharos/search/" + locale + "/meta.json")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                long t3 = System.nanoTime();
                long c2 = os.getProcessCpuTime();
                if (meta != 200) {
                    throw new AssertionError("round " + i + ": search index answered " + meta);
                }
                if (!"event: reload".equals(event) || !body.contains(marker)) {
                    throw new AssertionError("round " + i + ": event " + event + ", new text served: " + body.contains(marker));
                }
                if (i >= 3) { // the first rounds warm the JIT up
                    toEvent.add((t1 - t0) / 1_000_000);
                    toPage.add((t2 - t0) / 1_000_000);
                    toIndex.add((t3 - t0) / 1_000_000);
                    cpu.add((c2 - c0) / 1_000_000);
                }
            }
        }
        long fullMedian = median(full);
        long pageMedian = median(toPage);
        System.out.printf("full build (same site, same run): median %d ms over %d builds%n", fullMedian, full.size());
        System.out.printf("edit -> reload event:             median %d ms, p90 %d ms over %d edits%n", median(toEvent), p90(toEvent), toEvent.size());
        System.out.printf("edit -> new page served:          median %d ms, p90 %d ms%n", pageMedian, p90(toPage));
        System.out.printf("edit -> search index up to date:  median %d ms, p90 %d ms%n", median(toIndex), p90(toIndex));
        System.out.printf("CPU time per edit (all threads):  median %d ms%n", median(cpu));
        System.out.printf("ratio full build / edit-to-page:  %.1fx%n", (double) fullMedian / pageMedian);
        System.out.printf("load average during the run:      %.1f on %d cores%n", os.getSystemLoadAverage(), os.getAvailableProcessors());
        delete(work); // a copy of the content and two sites: a gigabyte at 10x
    }

    static void delete(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static long p90(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.9) - 1));
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
