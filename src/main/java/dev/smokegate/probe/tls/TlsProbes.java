package dev.smokegate.probe.tls;

import dev.smokegate.probe.ProbeRequest;
import java.time.Clock;

/** The TLS observations checks can ask for. Equal requests share one key and so one scan per endpoint and run. */
public final class TlsProbes {

    private TlsProbes() {
    }

    /**
     * One scan of {@code host:port}: the chain as sent and its validation, the versions and weak or
     * non-forward-secret suites the server accepts, its DHE group size, secure renegotiation, OCSP staple, SCTs and
     * the leaf's revocation status. The connection goes to the run's connect-to mapping for {@code host:port} when
     * there is one; SNI and the certificate checks still use {@code host}. Never throws for a down or broken
     * server (that is {@link TlsObservation#failure()}); throws only when the run's extra CA file is unreadable.
     *
     * <p>How to read the observation:
     * <ul>
     *   <li>{@code versions}: a version missing from the map was not determined (host down, scan budget spent,
     *       an unexpected error), which is not the same as refused. A silent server counts as refusing.</li>
     *   <li>{@code acceptedSuites}: TLS 1.2 and older only (TLS 1.3 suites are all AEAD and forward secret; the
     *       one chosen is named in the TLS 1.3 version's detail). Every accepted NULL, anonymous, EXPORT, DES, RC4,
     *       3DES and IDEA suite is listed; of static RSA, static (EC)DH, DHE and ECDHE at least one accepted suite
     *       each, when any is accepted.</li>
     *   <li>{@code serverChoices}: what a current client gets on each accepted version up to TLS 1.2, whether or
     *       not the server also accepts better or worse suites.</li>
     *   <li>{@code modernOfferRefused}: a current client cannot connect at all, though the scan may still have
     *       read the chain (from an offer of every suite) and found what the server does accept.</li>
     *   <li>No chain (see {@code failure}): {@code path} is untrusted and incomplete, {@code revocation} is
     *       {@code NONE}/{@code LOOKUP_FAILED}, both saying why.</li>
     * </ul>
     */
    public static ProbeRequest<TlsObservation> scan(String host, int port) {
        return new ProbeRequest<>("tls scan " + host + ":" + port,
                context -> new TlsScanner(host, port, context.config(), context.originTimeouts(), Clock.systemUTC())
                        .scan());
    }
}
