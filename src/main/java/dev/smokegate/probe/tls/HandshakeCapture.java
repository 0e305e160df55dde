package dev.smokegate.probe.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;

/** Everything one handshake lets the scanner see, filled in by the protocol hooks as messages arrive. */
final class HandshakeCapture {

    private final Offer offer;
    private TlsVersion version;
    private Integer suite;
    private Boolean renegotiationInfo;
    private int scts;
    private List<X509Certificate> chain = List.of();
    private byte[] staple;
    private Integer dhBits;
    private boolean cut;

    HandshakeCapture(Offer offer) {
        this.offer = offer;
    }

    Offer offer() {
        return offer;
    }

    void serverHello(ServerHello hello) throws IOException {
        Hashtable<?, ?> extensions = hello.getExtensions();
        ProtocolVersion selected = TlsExtensionsUtils.getSupportedVersionsExtensionServer(extensions);
        ProtocolVersion negotiated = selected != null ? selected : hello.getVersion();
        version = fromBc(negotiated);
        if (version == null) {
            throw new TlsFatalAlert(AlertDescription.protocol_version,
                    "server chose " + negotiated + ", which is no TLS version this scan knows");
        }
        suite = hello.getCipherSuite();
        if (version != TlsVersion.TLS_1_3) {
            renegotiationInfo = extensions != null && extensions.containsKey(ExtensionType.renegotiation_info);
            scts = countScts(extensionData(extensions, ExtensionType.signed_certificate_timestamp));
        }
    }

    /** A ServerHello arrived: whatever happens next, the server answered the offer. */
    boolean serverHelloSeen() {
        return version != null;
    }

    /** The message the handshake was waiting for when it stopped, for a stall's description. */
    String awaited() {
        if (!chain.isEmpty()) {
            return "rest of the handshake after the Certificate";
        }
        return dheChosen() && stopAfterKeyExchange() ? "ServerKeyExchange" : "Certificate";
    }

    /** Whether to go on after the ServerHello: only to read a DHE group on TLS 1.2 and below. */
    boolean stopAtServerHello() {
        return offer.stop() == Offer.Stop.AFTER_SERVER_HELLO && !dheChosen();
    }

    boolean stopAfterKeyExchange() {
        return offer.stop() == Offer.Stop.AFTER_SERVER_HELLO;
    }

    boolean stopAfterCertificate() {
        return offer.stop() == Offer.Stop.AFTER_CERTIFICATE;
    }

    /** The server chose a finite-field DHE suite on TLS 1.2 or below, so its ServerKeyExchange names a group. */
    boolean dheChosen() {
        return suite != null && version != null && version != TlsVersion.TLS_1_3 && CipherSuites.isDhe(suite);
    }

    /**
     * Records the chain as sent. {@code status} is the TLS 1.2 CertificateStatus message; on TLS 1.3 the staple and
     * SCTs travel as extensions of the leaf's CertificateEntry.
     */
    void certificate(Certificate certificate, CertificateStatus status) throws IOException {
        if (certificate == null || !chain.isEmpty()) {
            return;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (TlsCertificate tlsCertificate : certificate.getCertificateList()) {
            certificates.add(toX509(tlsCertificate.getEncoded()));
        }
        chain = List.copyOf(certificates);
        if (status != null && status.getStatusType() == CertificateStatusType.ocsp) {
            staple = status.getOCSPResponse().getEncoded();
        }
        CertificateEntry[] entries = certificate.getCertificateEntryList();
        if (entries.length > 0 && entries[0].getExtensions() != null) {
            Hashtable<?, ?> leafExtensions = entries[0].getExtensions();
            byte[] statusData = extensionData(leafExtensions, ExtensionType.status_request);
            if (statusData != null && staple == null) {
                staple = ocspFromStatusExtension(statusData);
            }
            byte[] sctData = extensionData(leafExtensions, ExtensionType.signed_certificate_timestamp);
            if (sctData != null) {
                scts = countScts(sctData);
            }
        }
    }

    void dhPrimeBits(int bits) {
        dhBits = dhBits == null ? bits : Math.min(dhBits, bits);
    }

    HandshakeCut cut() {
        cut = true;
        return new HandshakeCut();
    }

    boolean wasCut() {
        return cut;
    }

    HandshakeResult result(Optional<HandshakeResult.Failure> failure) {
        return new HandshakeResult(Optional.ofNullable(version),
                suite == null ? OptionalInt.empty() : OptionalInt.of(suite), Optional.ofNullable(renegotiationInfo),
                chain, Optional.ofNullable(staple).map(byte[]::clone), scts,
                dhBits == null ? OptionalInt.empty() : OptionalInt.of(dhBits), failure);
    }

    static TlsVersion fromBc(ProtocolVersion version) {
        if (ProtocolVersion.SSLv3.equals(version)) {
            return TlsVersion.SSL_3_0;
        } else if (ProtocolVersion.TLSv10.equals(version)) {
            return TlsVersion.TLS_1_0;
        } else if (ProtocolVersion.TLSv11.equals(version)) {
            return TlsVersion.TLS_1_1;
        } else if (ProtocolVersion.TLSv12.equals(version)) {
            return TlsVersion.TLS_1_2;
        } else if (ProtocolVersion.TLSv13.equals(version)) {
            return TlsVersion.TLS_1_3;
        }
        return null;
    }

    static ProtocolVersion toBc(TlsVersion version) {
        return switch (version) {
            case SSL_3_0 -> ProtocolVersion.SSLv3;
            case TLS_1_0 -> ProtocolVersion.TLSv10;
            case TLS_1_1 -> ProtocolVersion.TLSv11;
            case TLS_1_2 -> ProtocolVersion.TLSv12;
            case TLS_1_3 -> ProtocolVersion.TLSv13;
        };
    }

    /** Bit length of the DH prime at the start of a DHE ServerKeyExchange (dh_p is a uint16-length opaque). */
    static int primeBits(ByteArrayInputStream body) throws IOException {
        int high = body.read();
        int low = body.read();
        if (high < 0 || low < 0) {
            throw new TlsFatalAlert(AlertDescription.decode_error, "ServerKeyExchange too short for a DH prime");
        }
        int length = (high << 8) | low;
        byte[] prime = body.readNBytes(length);
        if (prime.length != length) {
            throw new TlsFatalAlert(AlertDescription.decode_error, "ServerKeyExchange DH prime truncated");
        }
        return new BigInteger(1, prime).bitLength();
    }

    /** Entries in a SignedCertificateTimestampList: a uint16 total length, then uint16-length-prefixed SCTs. */
    static int countScts(byte[] data) {
        if (data == null || data.length < 2) {
            return 0;
        }
        int total = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int end = Math.min(data.length, 2 + total);
        int count = 0;
        int position = 2;
        while (position + 2 <= end) {
            int length = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
            position += 2 + length;
            if (position > end) {
                break;
            }
            count++;
        }
        return count;
    }

    /** A TLS 1.3 status_request CertificateEntry extension: status_type ocsp(1), then a uint24-length response. */
    private static byte[] ocspFromStatusExtension(byte[] data) {
        if (data.length < 4 || data[0] != CertificateStatusType.ocsp) {
            return null;
        }
        int length = ((data[1] & 0xFF) << 16) | ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        if (length == 0 || 4 + length > data.length) {
            return null;
        }
        byte[] response = new byte[length];
        System.arraycopy(data, 4, response, 0, length);
        return response;
    }

    private static byte[] extensionData(Hashtable<?, ?> extensions, int type) {
        if (extensions == null) {
            return null;
        }
        Object data = extensions.get(type);
        return data instanceof byte[] bytes ? bytes : null;
    }

    private static X509Certificate toX509(byte[] der) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "server sent an unparseable certificate: "
                    + e.getMessage());
        }
    }
}
