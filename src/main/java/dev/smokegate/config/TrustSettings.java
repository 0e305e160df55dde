package dev.smokegate.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * What TLS connections trust besides the system roots.
 *
 * @param extraCaFile a PEM file of CAs added to the system roots (a private CA), already checked to be readable
 */
public record TrustSettings(Optional<Path> extraCaFile) {

    public static final TrustSettings SYSTEM_ROOTS_ONLY = new TrustSettings(Optional.empty());

    public static TrustSettings withExtraCa(Path file) {
        return new TrustSettings(Optional.of(file));
    }

    /**
     * Why {@code file} cannot serve as an extra CA file ({@code no such file}, {@code not a regular file}, no
     * certificate in it), if it cannot.
     */
    public static Optional<String> unreadable(Path file) {
        try {
            CertificateFiles.read(file);
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of("no such file");
        } catch (AccessDeniedException e) {
            return Optional.of("permission denied");
        } catch (IOException | GeneralSecurityException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    static TrustSettings read(YamlNode trust) {
        return new TrustSettings(trust.string("extra-ca-file").flatMap(text -> {
            Path ca = trust.context().directory().resolve(text).normalize();
            Optional<String> unreadable = unreadable(ca);
            unreadable.ifPresent(why -> trust.problem(trust.key("extra-ca-file"), "unreadable CA file " + ca + ": "
                    + why));
            return unreadable.isEmpty() ? Optional.of(ca) : Optional.empty();
        }));
    }
}
