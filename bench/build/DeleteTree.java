// Deleting a previous build's output: Pharos's FileTrees.delete (subfolders in parallel) against a plain serial
// walk, on fresh copies of the same tree, alternating, in one run.
//
//   mvn -B -q -pl generator package -DskipTests
//   java -cp generator/target/pharos.jar bench/build/DeleteTree.java bench/build/work/out-cloudwego-10x/pharos 5
//
// The tree is copied with `cp -r` (and `sync`) before every timed delete; the copy sits beside the tree.
import dev.pharos.internal.FileTrees;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

public class DeleteTree {

    public static void main(String[] args) throws Exception {
        Path tree = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path copy = tree.resolveSibling(tree.getFileName() + ".delete-bench");
        List<Double> serial = new ArrayList<>();
        List<Double> parallel = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            serial.add(timed(tree, copy, DeleteTree::serialDelete));
            parallel.add(timed(tree, copy, FileTrees::delete));
        }
        System.out.printf("serial walk:          median %.2f s over %d runs %s%n", median(serial), runs, serial);
        System.out.printf("FileTrees.delete:     median %.2f s over %d runs %s%n", median(parallel), runs, parallel);
        System.out.printf("ratio serial/parallel: %.2fx on %d cores%n", median(serial) / median(parallel),
                Runtime.getRuntime().availableProcessors());
    }

    interface Delete {
        void run(Path root) throws IOException;
    }

    private static double timed(Path tree, Path copy, Delete delete) throws Exception {
        new ProcessBuilder("cp", "-r", tree.toString(), copy.toString()).inheritIO().start().waitFor();
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        long start = System.nanoTime();
        delete.run(copy);
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static void serialDelete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
