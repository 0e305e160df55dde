package dev.smokegate.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** The deployment's private temp directory: keys, configs, data and logs; deleted with everything in it on close. */
final class WorkDir implements AutoCloseable {

    private final Path path;

    private WorkDir(Path path) {
        this.path = path;
    }

    /**
     * Mode 0711: others may pass through to a subdirectory they own (the postgres OS user must reach its data dir
     * when we run as root) but may not list or read anything here.
     */
    static WorkDir create() throws IOException {
        Path path = Files.createTempDirectory("smokegate-reference-");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx--x--x"));
        return new WorkDir(path);
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(WorkDir::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
