package dev.pharos.publish;

import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.internal.FileTrees;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Publishes a built site to a branch of a git repository, as GitHub Pages ({@code gh-pages}), GitLab Pages and many
 * static hosts read it. Uses JGit: no git binary needed on the machine.
 *
 * <p>By default each publish is one more commit on the branch (history shows what changed when). With
 * {@code cleanHistory} the branch is replaced by a single commit, so it never grows (force push). Either way the
 * branch holds exactly the site: files removed from the site are removed from the branch. A {@code .nojekyll} file
 * is added so GitHub Pages serves the {@code _pharos/} assets folder as it is.
 */
public final class Publisher {

    /** Work trees are {@code pharos-publish-<pid>-<n>} in the temporary folder. */
    private static final String WORK_PREFIX = "pharos-publish-";

    /**
     * Where and how to publish.
     *
     * @param site         the built site folder
     * @param repository   a git URL ({@code https://github.com/org/help.git}) or a local repository path
     * @param branch       the branch to publish to
     * @param message      the commit message
     * @param cleanHistory replace the branch with one commit instead of adding one
     * @param author       the committer name
     * @param email        the committer email
     * @param token        for https URLs, a token (GitHub: {@code GITHUB_TOKEN}); empty for none
     */
    public record Options(Path site, String repository, String branch, String message, boolean cleanHistory,
            String author, String email, String token) {
        public Options {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(repository, "repository");
            branch = branch == null || branch.isBlank() ? "gh-pages" : branch.strip();
            message = message == null || message.isBlank() ? "Publish the help center" : message;
            author = author == null || author.isBlank() ? "Pharos" : author;
            email = email == null || email.isBlank() ? "pharos@localhost" : email;
            token = token == null ? "" : token;
        }

        public static Options of(Path site, String repository) {
            return new Options(site, repository, "gh-pages", null, false, null, null, null);
        }

        public Options withBranch(String value) {
            return new Options(site, repository, value, message, cleanHistory, author, email, token);
        }

        public Options withMessage(String value) {
            return new Options(site, repository, branch, value, cleanHistory, author, email, token);
        }

        public Options withCleanHistory(boolean value) {
            return new Options(site, repository, branch, message, value, author, email, token);
        }

        public Options withAuthor(String name, String mail) {
            return new Options(site, repository, branch, message, cleanHistory, name, mail, token);
        }

        public Options withToken(String value) {
            return new Options(site, repository, branch, message, cleanHistory, author, email, value);
        }
    }

    /**
     * What happened.
     *
     * @param commit  the commit the branch now points to
     * @param changed false when the site was already published as it is (nothing pushed)
     * @param files   the number of files on the branch
     */
    public record Result(String commit, boolean changed, int files) {
    }

    private Publisher() {
    }

    public static Result publish(Options options) throws PharosException {
        Path site = options.site();
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new PharosException(Problem.error(null, 0, "no built site at " + site + "; run the build first"));
        }
        Path work;
        try {
            removeAbandonedWorkTrees();
            work = Files.createTempDirectory(WORK_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot create a temporary folder: " + e.getMessage()));
        }
        CredentialsProvider credentials = options.token().isEmpty() ? null
                : new UsernamePasswordCredentialsProvider("x-access-token", options.token());
        String remoteRef = "refs/heads/" + options.branch();
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch(options.branch()).call()) {
            RevCommit parent = null;
            if (!options.cleanHistory()) {
                parent = fetchBranch(git, options, credentials, remoteRef);
            }
            copyTree(site, work);
            Files.writeString(work.resolve(".nojekyll"), "");
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            int files = countFiles(work);
            if (parent != null && git.status().call().isClean()) {
                return new Result(parent.getName(), false, files);
            }
            PersonIdent who = new PersonIdent(options.author(), options.email());
            RevCommit commit = git.commit().setMessage(options.message()).setAuthor(who).setCommitter(who)
                    .setSign(false).setAllowEmpty(true).call();
            Iterable<PushResult> results = git.push().setRemote(options.repository())
                    .setRefSpecs(new RefSpec(options.branch() + ":" + remoteRef)).setForce(options.cleanHistory())
                    .setCredentialsProvider(credentials).call();
            List<String> failures = new ArrayList<>();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        failures.add(update.getRemoteName() + ": " + update.getStatus()
                                + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                    }
                }
            }
            if (!failures.isEmpty()) {
                throw new PharosException(Problem.error(null, 0, "the push to " + options.repository() + " was refused: "
                        + String.join("; ", failures) + (options.cleanHistory() ? ""
                                : "; if the branch was rewritten elsewhere, publish again (or use the clean history option)")));
            }
            return new Result(commit.getName(), true, files);
        } catch (GitAPIException | IOException | org.eclipse.jgit.errors.UnsupportedCredentialItem e) {
            throw new PharosException(Problem.error(null, 0, "cannot publish to " + options.repository() + " branch "
                    + options.branch() + ": " + e.getMessage()));
        } finally {
            try {
                FileTrees.delete(work);
            } catch (IOException e) {
                // A leftover temporary folder is harmless.
            }
        }
    }

    /** Fetches the branch if the remote has it and makes it the parent of the next commit; null when it is new. */
    private static RevCommit fetchBranch(Git git, Options options, CredentialsProvider credentials, String remoteRef)
            throws GitAPIException, IOException {
        Ref advertised = Git.lsRemoteRepository().setRemote(options.repository()).setHeads(true)
                .setCredentialsProvider(credentials).call().stream()
                .filter(r -> r.getName().equals(remoteRef)).findFirst().orElse(null);
        if (advertised == null) {
            return null;
        }
        git.fetch().setRemote(options.repository()).setCredentialsProvider(credentials)
                .setRefSpecs(new RefSpec("+" + remoteRef + ":refs/remotes/published/" + options.branch())).call();
        ObjectId id = git.getRepository().resolve("refs/remotes/published/" + options.branch());
        // Point the branch at the published commit without touching the (empty) work tree: the next commit's tree is
        // then exactly the new site, and files the site no longer has disappear from the branch.
        git.reset().setMode(ResetCommand.ResetType.MIXED).setRef(id.getName()).call();
        return git.getRepository().parseCommit(id);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes the work trees of publishes that were killed (no {@code finally} runs on SIGKILL), so that they do not
     * pile up in the temporary folder: those whose process, named in the folder's name, is no longer running.
     */
    private static void removeAbandonedWorkTrees() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var entries = Files.list(temp)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(WORK_PREFIX)) {
                    continue;
                }
                String rest = name.substring(WORK_PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = dash > 0 ? Long.parseLong(rest.substring(0, dash)) : -1;
                    if (pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        FileTrees.delete(entry);
                    }
                } catch (NumberFormatException | IOException e) {
                    // Not one of ours, or not deletable: left as it is.
                }
            }
        } catch (IOException e) {
            // Tidying is best effort; the publish itself does not depend on it.
        }
    }

    private static int countFiles(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return (int) files.filter(Files::isRegularFile).filter(f -> !root.relativize(f).startsWith(".git")).count();
        }
    }
}
