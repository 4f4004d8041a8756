package dev.pharos.cli;

import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.Problem;
import dev.pharos.serve.DevServer;
import dev.pharos.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharos serve}: build, serve on loopback, rebuild and reload on every save, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Previews the site: serves it on http://127.0.0.1:8080/, rebuilds on every save and reloads open pages.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", description = "The content root. Default: ${DEFAULT-VALUE}")
    Path source;

    @Option(names = "--out", description = "Where the preview is written. Default: <source>/target/site")
    Path out;

    @Option(names = "--port", defaultValue = "8080", description = "The port (0 picks a free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = ServeOptions.LOOPBACK,
            description = "The address to listen on. Default: ${DEFAULT-VALUE}, so only this computer can open it;"
                    + " 0.0.0.0 shares the preview with your network.")
    String host;

    @Option(names = "--no-drafts", negatable = true, defaultValue = "true",
            description = "Show drafts and future-dated pages, marked as drafts (default: on).")
    boolean drafts;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        Reporter reporter = new Reporter(spec.commandLine().getErr());
        ServeOptions defaults = ServeOptions.of(source).withPort(port).withHost(host).withDrafts(drafts);
        ServeOptions options = out == null ? defaults : defaults.withOutput(out);
        DevServer.Listener listener = new DevServer.Listener() {
            @Override
            public void built(BuildResult result, long millis, int rendered, boolean first) {
                reporter.print(result.warnings());
                if (first) {
                    stdout.printf("Built %d pages into %s in %.1f s%n", result.pages().size(), options.output(), millis / 1000.0);
                } else {
                    stdout.printf("Rebuilt in %d ms (%d %s rendered); pages reloaded%n", millis, rendered,
                            rendered == 1 ? "page" : "pages");
                }
                stdout.flush();
            }

            @Override
            public void failed(List<Problem> problems, boolean first) {
                reporter.print(problems);
                spec.commandLine().getErr().println(reporter.paint("Build failed; " + (first
                        ? "fix the errors and save, the preview builds again." : "still serving the last good build.")
                        + " The errors show in the browser too.", "31;1"));
                spec.commandLine().getErr().flush();
            }
        };
        DevServer server;
        try {
            server = Pharos.serve(options, listener);
        } catch (IOException e) {
            spec.commandLine().getErr().println(reporter.paint("pharos serve: " + e.getMessage(), "31;1"));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stdout.println("Stopped.");
            stdout.flush();
            stopped.countDown();
        }, "pharos-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stdout.println("Serving " + server.url() + " (watching " + source + "; Ctrl-C to stop)");
        if (!ServeOptions.LOOPBACK.equals(host) && !"localhost".equals(host)) {
            stdout.println("Listening on " + host + ": other machines on your network can open the preview.");
        }
        stdout.flush();
        stopped.await();
        return 0;
    }
}
