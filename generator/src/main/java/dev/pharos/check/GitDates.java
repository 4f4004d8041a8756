package dev.pharos.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * When each content file last changed according to git: the time of the last commit on the current branch that
 * changed it (merges count against their first parent, so a file merged from a pull request dates from the merge),
 * or its modification time when it has uncommitted changes. Empty outside a git repository.
 *
 * <p>One walk over the history serves every file, stopping as soon as each tracked file has a date. In a shallow
 * clone (CI's default) files older than the clone all date from its oldest commit; fetch the full history for
 * exact dates.
 */
public final class GitDates {

    private static final GitDates NONE = new GitDates(Map.of());

    private final Map<String, Instant> dates;

    private GitDates(Map<String, Instant> dates) {
        this.dates = dates;
    }

    public static GitDates none() {
        return NONE;
    }

    /** Reads the dates of every file under {@code contentRoot}; empty when it is not inside a git work tree. */
    public static GitDates read(Path contentRoot) {
        Path root;
        try {
            root = contentRoot.toRealPath();
        } catch (IOException e) {
            return NONE;
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            return NONE;
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            if (repo.isBare()) {
                return NONE;
            }
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            String prefix = workTree.relativize(root).toString().replace('\\', '/');
            Map<String, Instant> byRepoPath = committed(repo, prefix);
            dirty(repo, prefix, workTree, byRepoPath);
            Map<String, Instant> out = new HashMap<>();
            String strip = prefix.isEmpty() ? "" : prefix + "/";
            byRepoPath.forEach((path, when) -> {
                if (path.startsWith(strip)) {
                    out.put(path.substring(strip.length()), when);
                }
            });
            return new GitDates(Map.copyOf(out));
        } catch (IOException | GitAPIException | RuntimeException e) {
            // A repository JGit cannot read (a newer format, a broken clone) only costs the git dates.
            return NONE;
        }
    }

    /** The last change of a file, by its path relative to the content root ({@code en/account/faq.md}). */
    public Optional<Instant> lastChange(String source) {
        return Optional.ofNullable(dates.get(source));
    }

    public boolean isEmpty() {
        return dates.isEmpty();
    }

    private static Map<String, Instant> committed(Repository repo, String prefix) throws IOException {
        Map<String, Instant> out = new HashMap<>();
        ObjectId head = repo.resolve("HEAD");
        if (head == null) {
            return out;
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit start = walk.parseCommit(head);
            Set<String> tracked = trackedFiles(repo, start, prefix);
            TreeFilter scope = prefix.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(prefix), TreeFilter.ANY_DIFF);
            walk.markStart(start);
            for (RevCommit commit : walk) {
                try (TreeWalk diff = new TreeWalk(repo)) {
                    diff.setRecursive(true);
                    diff.setFilter(scope);
                    diff.addTree(commit.getTree());
                    if (commit.getParentCount() > 0) {
                        diff.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                    } else {
                        diff.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
                    }
                    Instant when = Instant.ofEpochSecond(commit.getCommitTime());
                    while (diff.next()) {
                        out.putIfAbsent(diff.getPathString(), when);
                    }
                }
                if (out.keySet().containsAll(tracked)) {
                    break;
                }
            }
        }
        return out;
    }

    private static Set<String> trackedFiles(Repository repo, RevCommit commit, String prefix) throws IOException {
        Set<String> out = new HashSet<>();
        try (TreeWalk tree = new TreeWalk(repo)) {
            tree.setRecursive(true);
            if (!prefix.isEmpty()) {
                tree.setFilter(PathFilter.create(prefix));
            }
            tree.addTree(commit.getTree());
            while (tree.next()) {
                out.add(tree.getPathString());
            }
        }
        return out;
    }

    private static void dirty(Repository repo, String prefix, Path workTree, Map<String, Instant> out)
            throws GitAPIException {
        var command = Git.wrap(repo).status();
        if (!prefix.isEmpty()) {
            command.addPath(prefix);
        }
        Status status = command.call();
        Set<String> changed = new HashSet<>();
        changed.addAll(status.getModified());
        changed.addAll(status.getUntracked());
        changed.addAll(status.getAdded());
        changed.addAll(status.getChanged());
        for (String path : changed) {
            try {
                out.put(path, Files.getLastModifiedTime(workTree.resolve(path)).toInstant());
            } catch (IOException e) {
                // Deleted since: nothing to date.
            }
        }
    }
}
