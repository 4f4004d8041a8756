package dev.pharos.publish;

import dev.pharos.TestSites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.cli.PharosCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing to a real (local, bare) git repository, read back with JGit. */
class PublisherTest {

    @TempDir
    Path root;

    private Path site;
    private Path bare;

    @BeforeEach
    void setUp() throws Exception {
        site = root.resolve("site");
        write("index.html", "<h1>Home</h1>");
        write("en/old/index.html", "old page");
        write("_pharos/abc/css/site.css", "body{}");
        bare = root.resolve("published.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
    }

    @Test
    void eachPublishIsACommitAndTheBranchHoldsExactlyTheSite() throws Exception {
        Publisher.Result first = Pharos.publish(Publisher.Options.of(site, bare.toString()).withMessage("First"));
        assertThat(first.changed()).isTrue();
        assertThat(files("gh-pages")).containsOnlyKeys(".nojekyll", "index.html", "en/old/index.html",
                "_pharos/abc/css/site.css").containsEntry("index.html", "<h1>Home</h1>");

        Files.delete(site.resolve("en/old/index.html"));
        write("en/new/index.html", "new page");
        Publisher.Result second = Pharos.publish(Publisher.Options.of(site, bare.toString()).withMessage("Second"));
        assertThat(files("gh-pages")).containsOnlyKeys(".nojekyll", "index.html", "en/new/index.html",
                "_pharos/abc/css/site.css");
        assertThat(history("gh-pages")).containsExactly("Second", "First");
        assertThat(second.commit()).isEqualTo(head("gh-pages"));

        Publisher.Result again = Pharos.publish(Publisher.Options.of(site, bare.toString()).withMessage("Third"));
        assertThat(again.changed()).isFalse();
        assertThat(history("gh-pages")).containsExactly("Second", "First");
    }

    @Test
    void cleanHistoryReplacesTheBranchWithOneCommit() throws Exception {
        Pharos.publish(Publisher.Options.of(site, bare.toString()).withMessage("One"));
        write("index.html", "<h1>Changed</h1>");
        Pharos.publish(Publisher.Options.of(site, bare.toString()).withMessage("Two"));
        Pharos.publish(Publisher.Options.of(site, bare.toString()).withMessage("Clean").withCleanHistory(true)
                .withBranch("gh-pages"));
        assertThat(history("gh-pages")).containsExactly("Clean");
        assertThat(files("gh-pages")).containsEntry("index.html", "<h1>Changed</h1>");
    }

    @Test
    void otherBranchesAndTheCommandLine() throws Exception {
        Path content = root.resolve("content");
        Files.createDirectories(content.resolve("target"));
        TestSites.copy(site, content.resolve("target/site"));
        int code = PharosCommand.run("publish", "--source", content.toString(), "--repository", bare.toUri().toString(),
                "--branch", "pages", "--message", "From the CLI");
        assertThat(code).isZero();
        assertThat(history("pages")).containsExactly("From the CLI");
        assertThat(files("pages")).containsKey("index.html");
    }

    @Test
    void errorsAreClear() {
        assertThatThrownBy(() -> Pharos.publish(Publisher.Options.of(root.resolve("nothing"), bare.toString())))
                .isInstanceOf(PharosException.class).hasMessageContaining("no built site at");
        assertThatThrownBy(() -> Pharos.publish(Publisher.Options.of(site, root.resolve("no-repo").toString())))
                .isInstanceOf(PharosException.class).hasMessageContaining("cannot publish to");
    }

    private String head(String branch) throws Exception {
        try (Repository repo = Git.open(bare.toFile()).getRepository()) {
            return repo.resolve("refs/heads/" + branch).getName();
        }
    }

    private List<String> history(String branch) throws Exception {
        List<String> out = new ArrayList<>();
        try (Git git = Git.open(bare.toFile())) {
            ObjectId head = git.getRepository().resolve("refs/heads/" + branch);
            for (RevCommit c : git.log().add(head).call()) {
                out.add(c.getFullMessage());
            }
        }
        return out;
    }

    private Map<String, String> files(String branch) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(repo.resolve("refs/heads/" + branch));
            try (TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    out.put(tree.getPathString(), new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private void write(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
