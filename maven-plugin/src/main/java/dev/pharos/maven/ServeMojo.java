package dev.pharos.maven;

import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.Problem;
import dev.pharos.serve.DevServer;
import dev.pharos.serve.ServeOptions;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The writers' preview: {@code mvn pharos:serve}. Builds the site with drafts into {@code target/site}, serves it
 * on http://127.0.0.1:8080/, rebuilds on every save and reloads open pages, until Ctrl-C.
 */
@Mojo(name = "serve", threadSafe = true, requiresProject = true)
public class ServeMojo extends AbstractMojo {

    @Parameter(property = "pharos.source", defaultValue = "${project.basedir}")
    File source;

    @Parameter(property = "pharos.output", defaultValue = "${project.build.directory}/site")
    File output;

    /** The port; 0 picks a free one. */
    @Parameter(property = "pharos.port", defaultValue = "8080")
    int port;

    /** The address to listen on; the default keeps the preview on this computer. */
    @Parameter(property = "pharos.host", defaultValue = ServeOptions.LOOPBACK)
    String host;

    @Parameter(property = "pharos.drafts", defaultValue = "true")
    boolean drafts;

    /** Stop after this many seconds (0: run until Ctrl-C). For scripted smoke tests. */
    @Parameter(property = "pharos.serve.seconds", defaultValue = "0")
    int seconds;

    @Override
    public void execute() throws MojoExecutionException {
        ServeOptions options = ServeOptions.of(source.toPath()).withOutput(output.toPath()).withPort(port).withHost(host)
                .withDrafts(drafts);
        DevServer.Listener listener = new DevServer.Listener() {
            @Override
            public void built(BuildResult result, long millis, int rendered, boolean first) {
                MavenProblems.log(getLog(), result.warnings());
                getLog().info(first ? "Built " + result.pages().size() + " pages in " + millis + " ms"
                        : "Rebuilt in " + millis + " ms (" + rendered + " pages rendered); pages reloaded");
            }

            @Override
            public void failed(List<Problem> problems, boolean first) {
                MavenProblems.log(getLog(), problems);
                getLog().error("Build failed; the preview keeps serving the last good build and shows the errors.");
            }
        };
        try (DevServer server = Pharos.serve(options, listener)) {
            getLog().info("Serving " + server.url() + " (Ctrl-C to stop)");
            if (seconds > 0) {
                Thread.sleep(seconds * 1000L);
            } else {
                new java.util.concurrent.CountDownLatch(1).await();
            }
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
