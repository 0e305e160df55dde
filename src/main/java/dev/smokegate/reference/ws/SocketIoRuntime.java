package dev.smokegate.reference.ws;

import dev.smokegate.config.SmokegateHome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code node} binary and the {@code node_modules/} that {@code npm ci} filled from the repository's
 * {@code package.json}. The Socket.IO script runs from a work directory, so Node is pointed at the modules with
 * {@code NODE_PATH}.
 *
 * @param node        the Node executable
 * @param nodeModules the directory holding socket.io, @socket.io/redis-adapter and redis
 */
record SocketIoRuntime(Path node, Path nodeModules) {

    private static final List<String> MODULES = List.of("socket.io", "@socket.io/redis-adapter", "redis");

    /** Node on the {@code PATH}, and the modules wherever {@link SmokegateHome} finds what npm installed. */
    static SocketIoRuntime locate() throws IOException {
        return locate(SmokegateHome.searchStarts(), System.getenv().getOrDefault("PATH", ""));
    }

    /** @param searchPath the {@code PATH} to find {@code node} on */
    static SocketIoRuntime locate(List<Path> starts, String searchPath) throws IOException {
        Optional<Path> node = executableOnPath("node", searchPath);
        Optional<Path> modules = SmokegateHome.find(starts, dir -> MODULES.stream().allMatch(module ->
                Files.isRegularFile(dir.resolve("node_modules").resolve(module).resolve("package.json"))))
                .map(dir -> dir.resolve("node_modules"));
        if (node.isPresent() && modules.isPresent()) {
            return new SocketIoRuntime(node.get(), modules.get());
        }
        String missing = node.isEmpty() ? "node is not on the PATH" : "no node_modules with " + String.join(", ",
                MODULES) + " in or above " + starts;
        throw new IOException("the Socket.IO reference cluster needs Node 20 and the npm modules " + String.join(", ",
                MODULES) + " from package.json, but " + missing + "; run scripts/setup (it runs npm ci)");
    }

    private static Optional<Path> executableOnPath(String name, String searchPath) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
