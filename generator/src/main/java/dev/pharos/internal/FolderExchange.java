package dev.pharos.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Exchanges two folders' names in one system call, so that there is no moment at which either name is missing.
 *
 * <p>Java's file API can only rename, and a folder cannot be renamed over a non-empty one: swapping a new site in
 * for the old one then takes two renames, between which the site's name is unbound. A build killed right there
 * (SIGKILL, a power cut) leaves no site until the next build puts it back, and a web server serving the folder
 * answers 404 meanwhile. The kernels that readers' servers run have the exchange as one call: Linux
 * {@code renameat2(..., RENAME_EXCHANGE)} (kernel 3.15, glibc 2.28) and macOS {@code renamex_np(..., RENAME_SWAP)}
 * (10.12); JNA reaches them.
 *
 * <p>{@link #exchange} says {@code false} where the call does not exist or the file system refuses it (Windows,
 * older systems, some network file systems), and the caller falls back to two renames.
 */
public final class FolderExchange {

    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;
    private static final int RENAME_SWAP = 2;
    private static final int ENOSYS = 38;
    private static final int EINVAL = 22;
    private static final int EOPNOTSUPP = 95;
    private static final int EXDEV_LINUX = 18;

    private FolderExchange() {}

    @SuppressWarnings("unused") // called through JNA
    private interface LinuxC extends Library {
        int renameat2(int oldDir, String oldPath, int newDir, String newPath, int flags) throws LastErrorException;
    }

    @SuppressWarnings("unused") // called through JNA
    private interface MacC extends Library {
        int renamex_np(String from, String to, int flags) throws LastErrorException;
    }

    /** Loaded on first use: the native binding costs tens of milliseconds, which only a swap should pay. */
    private static final class Binding {
        static final Library C = load();

        private static Library load() {
            if (!nativeAccessEnabled()) {
                return null;
            }
            try {
                if (Platform.isLinux()) {
                    return Native.load("c", LinuxC.class);
                }
                if (Platform.isMac()) {
                    return Native.load("c", MacC.class);
                }
            } catch (LinkageError | RuntimeException e) {
                // No JNA native part for this machine, or no C library by that name: two renames it is.
            }
            return null;
        }
    }

    /**
     * Whether loading a native library is quiet here. From Java 24 on, a JVM not started with
     * {@code --enable-native-access=ALL-UNNAMED} (or the jar's {@code Enable-Native-Access} manifest entry, which
     * {@code java -jar pharos.jar} honours) prints a warning for it; a writer's build log should not carry one, so
     * such a JVM swaps with two renames. The help center's {@code .mvn/jvm.config} from the archetype enables it.
     */
    static boolean nativeAccessEnabled() {
        if (Runtime.version().feature() < 24) {
            return true;
        }
        try {
            Method enabled = Module.class.getMethod("isNativeAccessEnabled");
            return (boolean) enabled.invoke(FolderExchange.class.getModule());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Starts loading the native binding on a background thread, so that the swap at the end of a build does not
     * wait for it.
     */
    public static void prepare() {
        Thread loader = new Thread(() -> {
            Library ignored = Binding.C;
        }, "pharos-folder-exchange");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Exchanges the names of two existing folders on the same file system in one step.
     *
     * @return {@code false} if this system or file system cannot (nothing was changed; rename twice instead)
     * @throws IOException if the system refused for another reason (a missing folder, no permission)
     */
    public static boolean exchange(Path a, Path b) throws IOException {
        Library c;
        try {
            c = Binding.C;
        } catch (LinkageError e) {
            return false;
        }
        try {
            if (c instanceof LinuxC linux) {
                linux.renameat2(AT_FDCWD, a.toString(), AT_FDCWD, b.toString(), RENAME_EXCHANGE);
                return true;
            }
            if (c instanceof MacC mac) {
                mac.renamex_np(a.toString(), b.toString(), RENAME_SWAP);
                return true;
            }
            return false;
        } catch (UnsatisfiedLinkError e) {
            return false; // a C library without the call (glibc before 2.28, musl before 1.2.x)
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (Platform.isLinux() && (errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP)) {
                return false;
            }
            if (Platform.isMac() && (errno == 45 /* ENOTSUP */ || errno == 22)) {
                return false;
            }
            throw new IOException("cannot exchange " + a + " and " + b + ": " + e.getMessage()
                    + (Platform.isLinux() && errno == EXDEV_LINUX ? " (they are on different file systems)" : ""));
        }
    }
}
