package dev.smokegate.reference.services;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OS account a server runs as. Postgres refuses to run as root, so when we are root its tools run as the
 * {@code postgres} user (via runuser) and its files are handed to that user; otherwise everything runs as us.
 */
final class ServiceAccount {

    private static final List<Path> RUNUSER_LOCATIONS = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"));

    private final Optional<UserPrincipal> otherUser;

    private ServiceAccount(Optional<UserPrincipal> otherUser) {
        this.otherUser = otherUser;
    }

    static ServiceAccount forPostgres() throws IOException {
        if (new UnixSystem().getUid() != 0) {
            return new ServiceAccount(Optional.empty());
        }
        try {
            return new ServiceAccount(Optional.of(
                    FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres")));
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("running as root needs the OS user 'postgres' to run Postgres; "
                    + "install the Debian package postgresql-15 (it creates that user)", e);
        }
    }

    ProcessBuilder command(Path workingDirectory, List<String> command) {
        List<String> full = new ArrayList<>();
        otherUser.ifPresent(user -> full.addAll(List.of(runuser(), "-u", user.getName(), "--")));
        full.addAll(command);
        // A working directory the account can enter: tools complain when they cannot stat their cwd (e.g. /root).
        return new ProcessBuilder(full).directory(workingDirectory.toFile());
    }

    void own(Path path) throws IOException {
        if (otherUser.isPresent()) {
            Files.setOwner(path, otherUser.get());
        }
    }

    private static String runuser() {
        return RUNUSER_LOCATIONS.stream().filter(Files::isExecutable).findFirst().map(Path::toString).orElse("runuser");
    }
}
