package dev.smokegate.probe.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.CertificateStatusRequest;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.OCSPStatusRequest;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsDHGroupVerifier;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A BouncyCastle client that offers exactly the versions and raw suite codes of one {@link Offer}, independent of
 * the JVM's {@code jdk.tls.disabledAlgorithms}, and accepts whatever the server presents (small DH groups, no
 * secure renegotiation, any certificate) so that the scan can observe it.
 */
final class ScanClient extends DefaultTlsClient {

    /** Elliptic curves offered in supported_groups; finite-field groups are left out (see getSupportedGroups). */
    private static final int[] CURVES = {
        NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1, NamedGroup.secp521r1, NamedGroup.x448
    };

    private final Offer offer;
    private final HandshakeCapture capture;

    ScanClient(TlsCrypto crypto, HandshakeCapture capture) {
        super(crypto);
        this.offer = capture.offer();
        this.capture = capture;
    }

    @Override
    public ProtocolVersion[] getProtocolVersions() {
        // Newest first, as BouncyCastle expects.
        ProtocolVersion[] versions = new ProtocolVersion[offer.versions().size()];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = HandshakeCapture.toBc(offer.versions().get(versions.length - 1 - i));
        }
        return versions;
    }

    @Override
    public int[] getCipherSuites() {
        return offer.suites().clone();
    }

    @Override
    protected Vector<ServerName> getSNIServerNames() {
        if (offer.serverName().isEmpty()) {
            return null;
        }
        Vector<ServerName> names = new Vector<>();
        names.add(new ServerName(NameType.host_name, offer.serverName().get().getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    protected CertificateStatusRequest getCertificateStatusRequest() {
        return offer.askForStaple()
                ? new CertificateStatusRequest(CertificateStatusType.ocsp, new OCSPStatusRequest(new Vector<>(), null))
                : null;
    }

    @Override
    protected Vector<?> getMultiCertStatusRequest() {
        return null;
    }

    /**
     * Without encrypt_then_mac, as browsers send it: OpenSSL answers it even for a NULL suite, which BouncyCastle then
     * refuses before the certificate.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        extensions.remove(ExtensionType.encrypt_then_mac);
        if (offer.askForStaple()) {
            extensions.put(ExtensionType.signed_certificate_timestamp, TlsUtils.EMPTY_BYTES);
        }
        return extensions;
    }

    /**
     * Curves only, whatever suites are offered. Without ffdhe groups in supported_groups a server picks its own
     * configured DHE group (what legacy clients get), which is the group the forward-secrecy check must judge.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        Vector groups = new Vector();
        TlsUtils.addIfSupported(groups, getCrypto(), CURVES);
        return groups;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new ChainCapturingAuthentication(capture);
    }

    /** Accepts every group, however small: the scan reports the size, the forward-secrecy check judges it. */
    @Override
    public TlsDHGroupVerifier getDHGroupVerifier() {
        return group -> {
            capture.dhPrimeBits(group.getP().bitLength());
            return true;
        };
    }

    /** Records instead of refusing: a server without RFC 5746 support is a finding, not a reason to stop. */
    @Override
    public void notifySecureRenegotiation(boolean secureRenegotiation) {
        // The ServerHello hook has already recorded whether renegotiation_info was present.
    }

    @Override
    public int getMaxCertificateChainLength() {
        return 32;
    }

    /** Do not refuse a chain for its signature algorithms before it has been recorded. */
    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false;
    }
}
