package dev.smokegate.probe.tls;

import dev.smokegate.config.CertificateFiles;
import dev.smokegate.probe.TrustMaterial;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The roots a chain may build to: the JDK's default trust store (the system roots, publicly trusted) plus the CAs of
 * the configured extra CA file. Kept apart so a validation can tell which kind of anchor it reached.
 */
final class TrustAnchors {

    private final List<X509Certificate> system;
    private final List<X509Certificate> extra;

    TrustAnchors(List<X509Certificate> system, List<X509Certificate> extra) {
        this.system = List.copyOf(system);
        this.extra = List.copyOf(extra);
    }

    static TrustAnchors load(Optional<Path> extraCaFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> extra = extraCaFile.isPresent()
                ? CertificateFiles.read(extraCaFile.get()) : List.of();
        return new TrustAnchors(TrustMaterial.systemRoots(), extra);
    }

    /** Every anchor, system roots first. */
    List<X509Certificate> all() {
        List<X509Certificate> all = new ArrayList<>(system.size() + extra.size());
        all.addAll(system);
        all.addAll(extra);
        return all;
    }

    boolean isSystemRoot(X509Certificate certificate) {
        return contains(system, certificate);
    }

    /** The anchor with the same subject and key as {@code certificate}, if it is one. */
    Optional<X509Certificate> matching(X509Certificate certificate) {
        return all().stream().filter(a -> sameSubjectAndKey(a, certificate)).findFirst();
    }

    private static boolean contains(List<X509Certificate> list, X509Certificate certificate) {
        return list.stream().anyMatch(a -> sameSubjectAndKey(a, certificate));
    }

    static boolean sameSubjectAndKey(X509Certificate a, X509Certificate b) {
        return a.getSubjectX500Principal().equals(b.getSubjectX500Principal())
                && Arrays.equals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
    }
}
