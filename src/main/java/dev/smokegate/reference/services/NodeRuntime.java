package dev.smokegate.reference.services;

import dev.smokegate.config.SmokegateHome;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code node} binary and the {@code node_modules/} that {@code npm ci} filled from the repository's
 * {@code package.json}. The reference's Node scripts run from a work directory, so Node is pointed at the modules
 * with {@code NODE_PATH}.
 *
 * @param node        the Node executable
 * @param nodeModules the directory holding the modules a script needs
 */
public record NodeRuntime(Path node, Path nodeModules) {

    /** Node on the {@code PATH}, and the modules wherever {@link SmokegateHome} finds what npm installed. */
    public static NodeRuntime locate(String purpose, List<String> modules) throws IOException {
        return locate(purpose, modules, SmokegateHome.searchStarts(), System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * @param purpose    what needs Node, for the message when something is missing ("the Socket.IO cluster")
     * @param searchPath the {@code PATH} to find {@code node} on
     */
    public static NodeRuntime locate(String purpose, List<String> modules, List<Path> starts, String searchPath)
            throws IOException {
        Optional<Path> node = executableOnPath("node", searchPath);
        Optional<Path> found = SmokegateHome.find(starts, dir -> modules.stream().allMatch(module ->
                Files.isRegularFile(dir.resolve("node_modules").resolve(module).resolve("package.json"))))
                .map(dir -> dir.resolve("node_modules"));
        if (node.isPresent() && found.isPresent()) {
            return new NodeRuntime(node.get(), found.get());
        }
        String missing = node.isEmpty() ? "node is not on the PATH" : "no node_modules with " + String.join(", ",
                modules) + " in or above " + starts;
        throw new IOException(purpose + " needs Node 20 and the npm modules " + String.join(", ", modules)
                + " from package.json, but " + missing + "; run scripts/setup (it runs npm ci)");
    }

    /** Copies the script {@code name}, a resource next to {@code owner}, into {@code dir}; returns its path. */
    public static Path extractScript(Class<?> owner, String name, Path dir) throws IOException {
        Path script = dir.resolve(name);
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the classpath next to " + owner);
            }
            Files.copy(in, script);
        }
        return script;
    }

    /** {@code node SCRIPT}, as a command line. */
    public List<String> command(Path script) {
        return List.of(node.toString(), script.toString());
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
