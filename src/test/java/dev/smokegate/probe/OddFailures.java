package dev.smokegate.probe;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.MalformedInputException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.NoHttpResponseException;

/** Failures as probes meet them, several with Java class names in their own message, for message tests. */
public final class OddFailures {

    private OddFailures() {
    }

    public static Stream<Throwable> all() {
        return Stream.concat(io(), Stream.of(
                new CertPathValidatorException(new CertificateExpiredException("NotAfter: Tue Nov 24 10:00:00 UTC")),
                new UncheckedIOException(new IOException("boom")),
                new IllegalStateException()));
    }

    public static Stream<IOException> io() {
        return Stream.of(
                new SocketException("Connection reset"),
                new IOException(),
                new IOException(new SocketException("Broken pipe")),
                new IOException("java.io.IOException: stream closed"),
                new MalformedInputException(1),
                new SSLHandshakeException("PKIX path building failed: sun.security.provider.certpath"
                        + ".SunCertPathBuilderException: unable to find valid certification path to requested target"),
                new EOFException(),
                new SocketTimeoutException("Read timed out"),
                new NoHttpResponseException("The target server failed to respond"));
    }
}
