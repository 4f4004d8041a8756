package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pharos.BuildOptions;
import dev.pharos.Pharos;
import dev.pharos.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code pharos build}, {@code serve} and {@code publish}, each run as its own JVM through the real command
 * line, with SIGKILL ({@link Process#destroyForcibly()}) at random moments, and checks what a reader or the next
 * run finds: the site folder is exactly the previous site or exactly the new one (never partial, never missing),
 * the preview's files are each whole, the published branch is the old commit or the new one, and the next run
 * succeeds and leaves no staging folder or temporary file behind. The moments come from a seeded random generator
 * (the seed is printed; {@code -Dpharos.crash.seed=N} replays a run), spread over a measured build and aimed at
 * rendering, indexing and the swap.
 */
class CrashSafetyTest {

    private static final long SEED = Long.getLong("pharos.crash.seed", System.nanoTime());
    /** How long to wait for a moment to aim at; the wait ends sooner when the build ends without it. */
    private static final long WAIT_LIMIT = 180_000;
    private static final Pattern SIDE = Pattern.compile("\\.site\\.(building|old)-.*");

    @TempDir
    static Path shared;

    private static Path content;

    @TempDir
    Path dir;

    @BeforeAll
    static void copySample() {
        System.out.println("CrashSafetyTest seed " + SEED + " (replay with -Dpharos.crash.seed=" + SEED + ")");
        content = TestSites.copy(TestSites.sampleContent(), shared.resolve("content"));
    }

    // ---------------------------------------------------------------- build

    @Test
    void aKilledBuildLeavesThePreviousOrTheNewSiteWholeAndTheNextBuildLeavesNoDebris() throws Exception {
        Random random = new Random(SEED);
        Path source = TestSites.copy(content, dir.resolve("content"));
        Path article = source.resolve("en/security/account-compromised.md");
        String original = Files.readString(article);
        // Two versions of the content, so that the previous and the new site differ (an article, the search index).
        String[] versions = {original, original + "\n\nA paragraph only the second version has: freeze first.\n"};
        Map<String, String>[] expected = new Map[2];
        for (int v = 1; v >= 0; v--) {
            Files.writeString(article, versions[v]);
            Path reference = dir.resolve("reference-" + v);
            Pharos.build(BuildOptions.of(source, reference));
            expected[v] = TestSites.digest(reference);
        }
        assertThat(expected[0]).isNotEqualTo(expected[1]);

        // Built the way writers build (default output, with the cache): version 0, then version 1, which measures
        // how long a build after a one-article edit takes here (what each killed build does), to spread the kills over.
        Path site = source.resolve("target/site");
        assertThat(run(source, "build", "--source", source.toString())).isZero();
        assertThat(TestSites.digest(site)).isEqualTo(expected[0]);
        Files.writeString(article, versions[1]);
        long started = System.nanoTime();
        assertThat(run(source, "build", "--source", source.toString())).isZero();
        long fullBuild = (System.nanoTime() - started) / 1_000_000;
        assertThat(TestSites.digest(site)).isEqualTo(expected[1]);
        int state = 1;
        Map<String, Integer> moments = new TreeMap<>();
        for (int kill = 0; kill < 20; kill++) {
            int next = 1 - state;
            Files.writeString(article, versions[next]);
            Process build = start(source, dir.resolve("kill-" + kill + ".log"), "build", "--source", source.toString());
            int files = expected[next].size();
            double share = 0.05 + random.nextDouble() * 0.9;
            // Aimed by what the build has done, not only by time: on a busy machine a build's length varies.
            String moment = switch (kill % 4) {
                case 0 -> sleep(build, (long) (random.nextDouble() * 0.5 * fullBuild), "early (start, content, Markdown)");
                case 1 -> waitFor(build, () -> staging(site).map(s -> Files.isDirectory(s.resolve("_pharos/search"))).orElse(false),
                        WAIT_LIMIT, random.nextInt(200), "while indexing");
                case 2 -> waitFor(build, () -> side(site).stream().anyMatch(p -> p.getFileName().toString().contains(".old-")),
                        WAIT_LIMIT, 0, "in the swap");
                default -> waitFor(build, () -> staging(site).map(s -> count(s) >= share * files).orElse(false),
                        WAIT_LIMIT, 0, "writing pages (" + Math.round(share * 100) + "% of the files)");
            };
            boolean finished = !build.isAlive();
            build.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            moment = finished ? "after it finished" : moment + stage(site);
            moments.merge(moment, 1, Integer::sum);

            assertThat(site).as("kill %d (%s): the site folder exists", kill, moment).isDirectory();
            Map<String, String> now = TestSites.digest(site);
            if (now.equals(expected[next])) {
                state = next;
            } else if (!now.equals(expected[state])) {
                fail("kill %d (%s): the site is neither the previous nor the new one: %s", kill, moment,
                        difference(now, expected[state], expected[next]));
            }
        }
        System.out.println("build: 20 kills survived (a build took " + fullBuild + " ms), " + moments);

        Files.writeString(article, versions[1 - state]);
        assertThat(run(source, "build", "--source", source.toString())).as("the next build").isZero();
        assertThat(TestSites.digest(site)).isEqualTo(expected[1 - state]);
        assertThat(side(site)).as("no staging or old site beside the output").isEmpty();
        assertThat(hidden(site)).as("no temporary file inside the output").isEmpty();
        assertThat(hidden(source.resolve("target/pharos-cache"))).as("no temporary file in the cache").isEmpty();
    }

    @Test
    void aKillBetweenTheTwoRenamesOfTheSwapIsRepairedByTheNextRun() throws Exception {
        // The only moment the site folder is missing: two system calls apart, too short to hit by timing, so the
        // state is made by hand, as a kill there leaves it.
        Path site = dir.resolve("site");
        Pharos.build(BuildOptions.of(content, site));
        Map<String, String> previous = TestSites.digest(site);
        Path staging = Files.createDirectory(dir.resolve(".site.building-999999999-1"));
        Files.writeString(staging.resolve("index.html"), "half a new site");
        Files.move(site, dir.resolve(".site.old-999999999-2"));

        Files.createDirectories(content.resolve("en/broken"));
        try {
            // Even a build that then fails leaves the previous site, put back, and no side folder.
            Files.writeString(content.resolve("en/broken/x.md"), "---\ntitle: [unclosed\n---\n");
            assertThat(run(content, "build", "--source", content.toString(), "--out", site.toString())).isEqualTo(1);
        } finally {
            FileTreesForTests.delete(content.resolve("en/broken"));
        }
        assertThat(TestSites.digest(site)).isEqualTo(previous);
        assertThat(side(site)).isEmpty();
    }

    // ---------------------------------------------------------------- serve

    @Test
    void aKilledPreviewLeavesEveryFileWholeAndTheNextPreviewStarts() throws Exception {
        Random random = new Random(SEED + 1);
        Path source = TestSites.copy(content, dir.resolve("content"));
        Path out = dir.resolve("preview");
        Path article = source.resolve("en/deposits-withdrawals/crypto/withdrawal-pending.md");
        String original = Files.readString(article);

        Process serve = startServe(source, out, dir.resolve("serve-0.log"));
        Map<String, String> previous = TestSites.digest(out);
        // How long a rebuild takes here: an edit, until the preview says it rebuilt and its index settled.
        long started = System.nanoTime();
        Files.writeString(article, original.replace("title: ", "title: Edited 0 ") + "\n\nEdit 0.\n");
        waitForLine(dir.resolve("serve-0.log"), "Rebuilt in", 120);
        long rebuild = Math.max(200, (System.nanoTime() - started) / 1_000_000 * 2);
        Thread.sleep(rebuild);
        previous = TestSites.digest(out);

        int kills = 5;
        List<String> moments = new ArrayList<>();
        for (int kill = 1; kill <= kills; kill++) {
            Files.writeString(article, original.replace("title: ", "title: Edited " + kill + " ") + "\n\nEdit " + kill + ".\n");
            long delay = (long) (random.nextDouble() * rebuild);
            Thread.sleep(delay);
            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            moments.add(delay + " ms");
            Map<String, String> killed = TestSites.digest(out);

            Path log = dir.resolve("serve-" + kill + ".log");
            serve = startServe(source, out, log);
            Map<String, String> next = TestSites.digest(out);
            assertThat(temporary(out)).as("the next preview removed the temporary files").isEmpty();

            for (Map.Entry<String, String> file : killed.entrySet()) {
                String path = file.getKey();
                if (isTemporary(path)) {
                    continue; // a hidden file of the interrupted write, never linked; checked gone above
                }
                assertThat(file.getValue()).as("kill %d after %d ms: %s is whole, the previous or the new file", kill, delay, path)
                        .isIn(previous.get(path), next.get(path));
            }
            for (String path : previous.keySet()) {
                if (next.containsKey(path)) {
                    assertThat(killed).as("kill %d: %s, in both versions, is still there", kill, path).containsKey(path);
                }
            }
            previous = next;
        }
        serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        System.out.println("serve: " + kills + " kills survived, at " + moments + " after an edit (rebuild measured "
                + rebuild / 2 + " ms)");
    }

    // ---------------------------------------------------------------- publish

    @Test
    void aKilledPublishLeavesTheBranchAtTheOldOrTheNewCommitAndTheNextPublishWorks() throws Exception {
        Random random = new Random(SEED + 2);
        Path[] sites = {dir.resolve("site-a"), dir.resolve("site-b")};
        Path source = TestSites.copy(content, dir.resolve("content"));
        Pharos.build(BuildOptions.of(source, sites[0]));
        Files.writeString(source.resolve("en/security/account-compromised.md"), "\n\nSecond version.\n",
                java.nio.file.StandardOpenOption.APPEND);
        Pharos.build(BuildOptions.of(source, sites[1]));
        Map<String, String>[] trees = new Map[] {withNoJekyll(TestSites.digest(sites[0])), withNoJekyll(TestSites.digest(sites[1]))};
        Path remote = dir.resolve("remote.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
        Path temp = Files.createDirectories(dir.resolve("tmp"));

        long started = System.nanoTime();
        assertThat(run(source, temp, "publish", "--site", sites[0].toString(), "--repository", remote.toString())).isZero();
        long publish = (System.nanoTime() - started) / 1_000_000;
        String head = branch(remote);
        int state = 0;
        int kills = 5;
        int moved = 0;
        for (int kill = 0; kill < kills; kill++) {
            int next = 1 - state;
            Process p = start(source, temp, dir.resolve("publish-" + kill + ".log"), "publish", "--site", sites[next].toString(),
                    "--repository", remote.toString());
            Thread.sleep((long) (random.nextDouble() * publish));
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            String now = branch(remote);
            Map<String, String> tree = publishedTree(remote, now);
            if (tree.equals(trees[next]) && !now.equals(head)) {
                state = next;
                moved++;
            } else {
                assertThat(now).as("kill %d: the branch is the old commit or a new one with the whole new site", kill).isEqualTo(head);
                assertThat(tree).isEqualTo(trees[state]);
            }
            head = now;
        }
        assertThat(run(source, temp, "publish", "--site", sites[1 - state].toString(), "--repository", remote.toString()))
                .as("the next publish").isZero();
        assertThat(publishedTree(remote, branch(remote))).isEqualTo(trees[1 - state]);
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pharos-publish-")).toList())
                    .as("no work tree of a killed publish is left").isEmpty();
        }
        System.out.println("publish: " + kills + " kills survived (" + moved + " after the push), spread over "
                + publish + " ms");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> withNoJekyll(Map<String, String> site) {
        Map<String, String> out = new TreeMap<>(site);
        out.put(".nojekyll", sha(new byte[0]));
        return out;
    }

    private static String branch(Path remote) throws IOException {
        try (Repository repo = Git.open(remote.toFile()).getRepository()) {
            ObjectId id = repo.resolve("refs/heads/gh-pages");
            return id == null ? "" : id.getName();
        }
    }

    /** Every file of the commit's tree with its SHA-256: reading each blob also proves the objects are whole. */
    private static Map<String, String> publishedTree(Path remote, String commit) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Repository repo = Git.open(remote.toFile()).getRepository();
                TreeWalk walk = new TreeWalk(repo)) {
            RevCommit parsed = repo.parseCommit(ObjectId.fromString(commit));
            walk.addTree(parsed.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                out.put(walk.getPathString(), sha(repo.open(walk.getObjectId(0)).getBytes()));
            }
        }
        return out;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String difference(Map<String, String> now, Map<String, String> before, Map<String, String> after) {
        List<String> odd = new ArrayList<>();
        for (String path : now.keySet()) {
            if (!now.get(path).equals(before.get(path)) && !now.get(path).equals(after.get(path))) {
                odd.add(path);
            }
        }
        int missing = (int) after.keySet().stream().filter(p -> !now.containsKey(p)).count();
        return now.size() + " files, " + missing + " of the new site missing, differing from both: "
                + odd.subList(0, Math.min(10, odd.size()));
    }

    /** The side folders of a site: {@code .site.building-*} and {@code .site.old-*}. */
    private static List<Path> side(Path site) {
        try (Stream<Path> entries = Files.list(site.getParent())) {
            return entries.filter(p -> SIDE.matcher(p.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static java.util.Optional<Path> staging(Path site) {
        return side(site).stream().filter(p -> p.getFileName().toString().contains(".building-")).findFirst();
    }

    private static String stage(Path site) {
        List<Path> s = side(site);
        boolean old = s.stream().anyMatch(p -> p.getFileName().toString().contains(".old-"));
        boolean indexing = staging(site).map(p -> Files.isDirectory(p.resolve("_pharos/search"))).orElse(false);
        return old ? " (old site being deleted)" : indexing ? " (index written)" : staging(site).isPresent() ? " (rendering)"
                : " (starting)";
    }

    private static List<String> hidden(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).filter(CrashSafetyTest::isTemporary).toList();
        }
    }

    private static List<String> temporary(Path root) throws IOException {
        return hidden(root);
    }

    private static boolean isTemporary(String path) {
        String name = Path.of(path).getFileName().toString();
        return name.endsWith(SiteOutput.TEMPORARY) || name.endsWith(".tmp");
    }

    private static long count(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // swapped away while counting
        }
    }

    private static String sleep(Process process, long millis, String moment) throws InterruptedException {
        process.waitFor(millis, TimeUnit.MILLISECONDS);
        return moment + " at " + (millis / 100 * 100) + " ms";
    }

    private static String waitFor(Process process, BooleanSupplier condition, long timeoutMillis, long then, String moment)
            throws InterruptedException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000;
        while (process.isAlive() && System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                if (then > 0) {
                    process.waitFor(then, TimeUnit.MILLISECONDS);
                }
                return moment;
            }
            Thread.onSpinWait();
        }
        return moment + " (not reached)";
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Process start(Path source, Path log, String... args) throws IOException {
        return start(source, null, log, args);
    }

    private static Process start(Path source, Path temp, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath())); // as pharos.jar's manifest does
        if (temp != null) {
            command.add("-Djava.io.tmpdir=" + temp);
        }
        command.add("dev.pharos.cli.PharosCommand");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(source.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PHAROS_FORK", "off"); // the process killed is the one that builds
        return builder.start();
    }

    private int run(Path source, String... args) throws Exception {
        return run(source, null, args);
    }

    private int run(Path source, Path temp, String... args) throws Exception {
        Path log = Files.createTempFile(dir, "run-", ".log");
        Process p = start(source, temp, log, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("pharos " + String.join(" ", args) + " did not finish");
        }
        String output = Files.readString(log);
        assertThat(output).as("no stack trace").doesNotContain("\tat ");
        Files.delete(log);
        return p.exitValue();
    }

    /** Starts {@code pharos serve} on a free port and waits until it serves its first build. */
    private Process startServe(Path source, Path out, Path log) throws Exception {
        Process p = start(source, log, "serve", "--source", source.toString(), "--out", out.toString(), "--port", "0");
        String line = waitForLine(log, "Serving ", 180);
        Matcher url = Pattern.compile("Serving (http://\\S+)").matcher(line);
        assertThat(url.find()).as(line).isTrue();
        HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1) + "en/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).as("the preview answers").isEqualTo(200);
        return p;
    }

    private static String waitForLine(Path log, String start, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.startsWith(start)) {
                        return line;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line starting '" + start + "' in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    /** Deletes a folder of a test (the sample copy is shared between tests). */
    private static final class FileTreesForTests {
        static void delete(Path root) {
            try {
                dev.pharos.internal.FileTrees.delete(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
