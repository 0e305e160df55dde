package dev.smokegate.probe.tls;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.OriginTimeouts;
import dev.smokegate.probe.TransportError;
import dev.smokegate.probe.TransportRetries;
import dev.smokegate.probe.tls.CipherSuites.Family;
import dev.smokegate.probe.tls.CipherSuites.Suite;
import dev.smokegate.probe.tls.HandshakeResult.Failure;
import dev.smokegate.probe.tls.HandshakeResult.Kind;
import dev.smokegate.probe.tls.TlsObservation.AcceptedSuite;
import dev.smokegate.probe.tls.TlsObservation.PathValidation;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus;
import dev.smokegate.probe.tls.TlsObservation.VersionProbe;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One scan of one TLS endpoint: a handful of handshakes, each cut as soon as it has shown what it is for.
 *
 * <ol>
 *   <li>Default: TLS 1.0–1.3 with the suites a current client offers, SNI, status_request and
 *       signed_certificate_timestamp; records the chain as sent, the staple and the SCTs, cut after the
 *       certificate. If the host is down (unresolvable, refused, silent) the scan stops here.</li>
 *   <li>Everything: only if the server refused the default offer with an alert (a host that accepts none of a
 *       current client's suites, e.g. only NULL or 3DES ones), TLS 1.0–1.2 with every suite the scanner can offer,
 *       weak ones last, again asking for the staple and cut after the certificate: so the chain is still read and
 *       judged, as testssl.sh and sslscan do. The refusal itself is recorded
 *       ({@link TlsObservation#modernOfferRefused()}).</li>
 *   <li>Versions: TLS 1.3 and TLS 1.2 each alone (reusing the answer of the handshake above that had the
 *       certificate, for the version it chose), TLS 1.0 and 1.1 together (a server that refuses both refuses each;
 *       one that accepts names its highest, and only TLS 1.0 may need asking again), and SSLv3 alone. Each offers
 *       every suite valid for its versions in a current client's order, so the suite the server picks is what such
 *       a client gets ({@link TlsObservation#serverChoices()}).</li>
 *   <li>Suites, for every accepted version up to TLS 1.2: the weak suites (NULL, anonymous, EXPORT, DES, RC4,
 *       3DES, IDEA) plus static RSA, static (EC)DH, DHE and ECDHE are offered together; whatever the server picks
 *       is recorded and removed (a weak suite) or its whole family is dropped (the others: one is enough to judge
 *       forward secrecy), until the server refuses. Every accepted weak suite is thus named, at one handshake per
 *       accepted suite or family plus one refusal.</li>
 *   <li>DHE groups: any handshake whose server picks a DHE suite goes on to the ServerKeyExchange to measure the
 *       prime.</li>
 * </ol>
 * Then the chain is validated ({@link ChainValidator}) and the leaf's revocation looked up
 * ({@link RevocationChecker}). Every connection has connect and read timeouts and a hard deadline; the scan as a
 * whole has a budget ({@code connect + 3 × read}) and stops after two timeouts. A version that could not be
 * determined is left out of {@link TlsObservation#versions()} rather than reported as refused.
 *
 * <p>A step that meets a transport error before the ServerHello (reset, refused, connect timeout, closed) is tried
 * again, that step alone, as {@link TransportRetries} rules. The run's {@link OriginTimeouts} are shared with the
 * other probes: a host whose address timed out earlier in the run is not scanned again, and a default handshake
 * that times out tells the rest of the run.
 */
final class TlsScanner {

    /** Families offered alongside the weak suites; each one is dropped once one of its suites is accepted. */
    private static final List<Family> KEY_EXCHANGE_FAMILIES =
            List.of(Family.STATIC_RSA, Family.STATIC_DH, Family.DHE, Family.ECDHE);
    private static final List<TlsVersion> LEGACY_TLS = List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1);
    private static final List<TlsVersion> LEGACY_TO_TLS_1_2 =
            List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2);
    private static final int MAX_SUITE_ROUNDS = 24;
    private static final int MAX_TIMEOUTS = 2;
    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9.]+$|:");

    private final String host;
    private final int port;
    private final EnvironmentConfig config;
    private final OriginTimeouts originTimeouts;
    private final Clock clock;
    private final Dialer dialer;
    private final TlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private final Optional<String> serverName;
    private final Instant deadline;

    private final Map<TlsVersion, VersionProbe> versions = new EnumMap<>(TlsVersion.class);
    private final Map<TlsVersion, Boolean> renegotiation = new EnumMap<>(TlsVersion.class);
    private final Set<AcceptedSuite> suites = new LinkedHashSet<>();
    private final Map<TlsVersion, AcceptedSuite> choices = new EnumMap<>(TlsVersion.class);
    private final List<TransportError> retries = new ArrayList<>();
    private Integer dheBits;
    private int handshakes;
    private int timeouts;
    private String stopped;

    TlsScanner(String host, int port, EnvironmentConfig config, OriginTimeouts originTimeouts, Clock clock) {
        this.host = host;
        this.port = port;
        this.config = config;
        this.originTimeouts = originTimeouts;
        this.clock = clock;
        this.dialer = Dialer.forTarget(host, port, config);
        this.serverName = IP_LITERAL.matcher(host).find() ? Optional.empty() : Optional.of(host);
        Duration budget = config.timeouts().connect().plus(config.timeouts().read().multipliedBy(3));
        this.deadline = clock.instant().plus(budget);
    }

    /** Handshakes the last {@link #scan()} made, for tests and benchmarks. */
    int handshakes() {
        return handshakes;
    }

    TlsObservation scan() throws IOException, GeneralSecurityException {
        // A bad extra CA file breaks the run, loudly.
        TrustAnchors anchors = TrustAnchors.load(config.trust().extraCaFile());
        Optional<String> earlier = originTimeouts.earlier(dialer.origin());
        if (earlier.isPresent()) {
            return observation(HandshakeResult.none(), Optional.empty(),
                    Optional.of("not scanned: " + dialer.dialled() + " " + earlier.get()), anchors);
        }
        Offer defaultOffer = new Offer(List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2,
                TlsVersion.TLS_1_3), CipherSuites.defaultOffer(), serverName, true, Offer.Stop.AFTER_CERTIFICATE);
        HandshakeResult first = handshake(defaultOffer);
        boolean hostDown = first.failure().map(f -> f.kind().hostDown() || f.kind().timeout()).orElse(false)
                && !first.serverHelloReceived();
        if (hostDown && first.failure().get().kind().timeout()) {
            originTimeouts.timedOut(dialer.origin(), "TLS handshake with " + host + ":" + port, first.failureDetail());
        }
        Optional<String> modernOfferRefused = refusedByAlert(first);
        Optional<HandshakeResult> everything = modernOfferRefused.isPresent() && mayContinue()
                ? Optional.of(handshake(new Offer(LEGACY_TO_TLS_1_2, CipherSuites.codes(CipherSuites.validFor(
                        TlsVersion.TLS_1_2)), serverName, true, Offer.Stop.AFTER_CERTIFICATE)))
                : Optional.empty();
        HandshakeResult certified = everything.filter(HandshakeResult::serverHelloReceived).orElse(first);
        Optional<String> failure = certified.chain().isEmpty()
                ? Optional.of(describeFailure(first, defaultOffer, everything)) : Optional.empty();
        if (!hostDown) {
            noteChoice(certified);
            probeVersions(certified);
            for (TlsVersion version : List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_1, TlsVersion.TLS_1_0,
                    TlsVersion.SSL_3_0)) {
                if (versions.containsKey(version) && versions.get(version).accepted()) {
                    enumerateSuites(version);
                }
            }
        }
        return observation(certified, modernOfferRefused, failure, anchors);
    }

    /** The observation, with chain, staple and SCTs from the handshake that read the certificate. */
    private TlsObservation observation(HandshakeResult certified, Optional<String> modernOfferRefused,
                                       Optional<String> failure, TrustAnchors anchors) throws IOException {
        List<X509Certificate> chain = certified.chain();
        Instant now = clock.instant();
        PathValidation path;
        RevocationStatus revocation;
        if (chain.isEmpty()) {
            String why = "no certificate received: " + failure.orElse("the handshake ended before it");
            path = ChainValidator.noChain(why);
            revocation = new RevocationStatus(RevocationStatus.Source.NONE, RevocationStatus.Status.LOOKUP_FAILED,
                    why);
        } else {
            path = ChainValidator.validate(chain, anchors, now);
            Optional<X509Certificate> issuer = ChainValidator.walk(chain, anchors).leafIssuer();
            revocation = new RevocationChecker(config, now).check(chain.get(0), issuer, certified.staple());
        }
        return new TlsObservation(host, port, dialer.dialled(), chain, path, versions, new ArrayList<>(suites),
                choices, dheBits == null ? OptionalInt.empty() : OptionalInt.of(dheBits), secureRenegotiation(),
                certified.staple(), certified.scts(), revocation, modernOfferRefused, failure, retries);
    }

    // --- versions -----------------------------------------------------------------------------------------------

    private void probeVersions(HandshakeResult first) {
        Optional<TlsVersion> chosen = first.serverHelloReceived() ? first.version() : Optional.empty();
        for (TlsVersion version : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)) {
            if (chosen.equals(Optional.of(version))) {
                versions.put(version, new VersionProbe(true, "accepted: server chose " + first.suiteName()));
            } else {
                probeAlone(version);
            }
        }
        probeLegacyRange();
    }

    private void probeAlone(TlsVersion version) {
        if (!mayContinue()) {
            return;
        }
        HandshakeResult result = handshake(Offer.helloOnly(List.of(version),
                CipherSuites.codes(CipherSuites.validFor(version)), serverName));
        if (result.serverHelloReceived()) {
            TlsVersion answered = result.version().get();
            if (answered == version) {
                noteChoice(result);
                versions.put(version, new VersionProbe(true, "accepted: server chose " + result.suiteName()));
            } else {
                versions.put(version, new VersionProbe(false, "refused: server answered with " + answered.label()
                        + " to a ClientHello offering only " + version.label()));
            }
            return;
        }
        refusal(result).ifPresent(detail -> versions.put(version, new VersionProbe(false, "refused: " + detail)));
    }

    /**
     * TLS 1.0 and 1.1 in one ClientHello (record version 1.0, as every client sends): a server that refuses both
     * refuses each, one that accepts names its highest, and only TLS 1.0 may need asking again. SSLv3 goes alone,
     * since an SSLv3 ClientHello (record version 3.0) is itself refused by some TLS-only stacks.
     */
    private void probeLegacyRange() {
        if (!mayContinue()) {
            return;
        }
        HandshakeResult result = handshake(Offer.helloOnly(LEGACY_TLS,
                CipherSuites.codes(CipherSuites.validFor(TlsVersion.TLS_1_0)), serverName));
        if (result.serverHelloReceived()) {
            TlsVersion answered = result.version().get();
            if (!LEGACY_TLS.contains(answered)) {
                LEGACY_TLS.forEach(v -> versions.put(v, new VersionProbe(false, "refused: server answered with "
                        + answered.label() + " to a ClientHello offering TLSv1.0 and TLSv1.1")));
            } else {
                noteChoice(result);
                versions.put(answered, new VersionProbe(true, "accepted: server chose " + result.suiteName()));
                if (answered == TlsVersion.TLS_1_1) {
                    probeAlone(TlsVersion.TLS_1_0);
                } else {
                    versions.put(TlsVersion.TLS_1_1, new VersionProbe(false, "refused: offered TLSv1.0 and"
                            + " TLSv1.1, the server chose TLSv1.0"));
                }
            }
        } else {
            refusal(result).ifPresent(detail -> LEGACY_TLS.forEach(v -> versions.put(v,
                    new VersionProbe(false, "refused (TLSv1.0 and TLSv1.1 offered together): " + detail))));
        }
        probeAlone(TlsVersion.SSL_3_0);
    }

    // --- suites -------------------------------------------------------------------------------------------------

    private void enumerateSuites(TlsVersion version) {
        List<Suite> valid = CipherSuites.validFor(version);
        Set<Integer> acceptedHere = new LinkedHashSet<>();
        suites.stream().filter(s -> s.version() == version).forEach(s -> acceptedHere.add(s.code()));
        Set<Family> needed = EnumSet.copyOf(KEY_EXCHANGE_FAMILIES);
        for (int code : acceptedHere) {
            Suite suite = CipherSuites.byCode(code);
            if (suite != null) {
                needed.removeAll(suite.families());
            }
        }
        for (int round = 0; round < MAX_SUITE_ROUNDS && mayContinue(); round++) {
            Map<Integer, Suite> offer = new LinkedHashMap<>();
            for (Suite suite : valid) {
                boolean wanted = suite.weak() || needed.stream().anyMatch(suite::in);
                if (wanted && !acceptedHere.contains(suite.code())) {
                    offer.put(suite.code(), suite);
                }
            }
            if (offer.isEmpty()) {
                return;
            }
            HandshakeResult result = handshake(Offer.helloOnly(List.of(version),
                    CipherSuites.codes(offer.values()), serverName));
            if (!result.serverHelloReceived() || result.version().get() != version) {
                return; // refused (or timed out, counted in handshake()): nothing left of what was offered
            }
            int chosen = result.suite().getAsInt();
            if (!offer.containsKey(chosen)) {
                return; // the server chose a suite it was not offered; it cannot be enumerated further
            }
            noteHello(result);
            acceptedHere.add(chosen);
            needed.removeAll(offer.get(chosen).families());
        }
    }

    // --- bookkeeping --------------------------------------------------------------------------------------------

    private HandshakeResult handshake(Offer offer) {
        handshakes++;
        TransportRetries.Tried<HandshakeResult> tried = TransportRetries.run(config.timeouts().transportRetries(),
                () -> originTimeouts.earlier(dialer.origin()).isEmpty(), () -> Handshake.run(dialer, crypto, offer));
        retries.addAll(tried.retried());
        HandshakeResult result = tried.seenAgain() ? tried.last().withDetail(tried::describe) : tried.last();
        result.dhBits().ifPresent(bits -> dheBits = dheBits == null ? bits : Math.min(dheBits, bits));
        Optional<Failure> failure = result.failure();
        if (failure.isPresent() && !result.serverHelloReceived()) {
            Kind kind = failure.get().kind();
            if (kind.timeout() && ++timeouts >= MAX_TIMEOUTS) {
                stopped = "stopped after " + timeouts + " timeouts";
            } else if (kind.hostDown()) {
                stopped = "stopped: " + failure.get().detail();
            }
        }
        return result;
    }

    /** Records a ServerHello's facts: the suite (TLS 1.2 and below) and renegotiation_info. */
    private void noteHello(HandshakeResult result) {
        if (!result.serverHelloReceived()) {
            return;
        }
        TlsVersion version = result.version().get();
        if (version == TlsVersion.TLS_1_3) {
            return;
        }
        int code = result.suite().getAsInt();
        suites.add(new AcceptedSuite(version, code, CipherSuites.name(code)));
        result.renegotiationInfo().ifPresent(present -> renegotiation.putIfAbsent(version, present));
    }

    /**
     * {@link #noteHello}, for a handshake that offered what a current client offers, in its order (forward-secret
     * AEAD first, static RSA after, weak suites last): the suite it chose is what such a client gets.
     */
    private void noteChoice(HandshakeResult result) {
        noteHello(result);
        if (result.serverHelloReceived() && result.version().get() != TlsVersion.TLS_1_3) {
            int code = result.suite().getAsInt();
            choices.putIfAbsent(result.version().get(),
                    new AcceptedSuite(result.version().get(), code, CipherSuites.name(code)));
        }
    }

    /** Why a handshake counts as a refusal, or empty when the answer says nothing about the offer. */
    private static Optional<String> refusal(HandshakeResult result) {
        Optional<Failure> failure = result.failure();
        if (failure.isEmpty()) {
            return Optional.of("no ServerHello");
        }
        Kind kind = failure.get().kind();
        if (kind.refusal() || kind == Kind.PROTOCOL) {
            return Optional.of(failure.get().detail());
        }
        if (kind == Kind.READ_TIMEOUT) {
            // The host answered the default handshake, so silence here is the server ignoring this offer.
            return Optional.of(failure.get().detail());
        }
        return Optional.empty();
    }

    private boolean mayContinue() {
        if (stopped == null && clock.instant().isAfter(deadline)) {
            stopped = "stopped: scan budget exhausted";
        }
        return stopped == null;
    }

    private Optional<Boolean> secureRenegotiation() {
        for (TlsVersion version : List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_1, TlsVersion.TLS_1_0,
                TlsVersion.SSL_3_0)) {
            if (renegotiation.containsKey(version)) {
                return Optional.of(renegotiation.get(version));
            }
        }
        return Optional.empty();
    }

    /** The alert with which the server turned down a current client's offer, before any ServerHello. */
    private static Optional<String> refusedByAlert(HandshakeResult first) {
        return first.serverHelloReceived() ? Optional.empty()
                : first.failure().filter(f -> f.kind() == Kind.ALERT).map(Failure::detail);
    }

    /**
     * Why no handshake showed a certificate: the default offer's failure, and what offering every suite on
     * TLS 1.0–1.2 ({@code everything}, tried after a refusal by alert) got.
     */
    private static String describeFailure(HandshakeResult first, Offer defaultOffer,
                                          Optional<HandshakeResult> everything) {
        String refused = describeDefaultFailure(first, defaultOffer);
        if (everything.isEmpty()) {
            return refused;
        }
        HandshakeResult result = everything.get();
        if (!result.serverHelloReceived()) {
            return refused + "; offered every suite the scanner knows on TLSv1.0–TLSv1.2, it refused again: "
                    + result.failureDetail();
        }
        return refused + "; offered every suite the scanner knows on TLSv1.0–TLSv1.2, it chose " + result.suiteName()
                + " on " + result.version().get().label() + ", but no certificate followed: "
                + result.failure().map(Failure::detail).orElse("the server sent none");
    }

    private static String describeDefaultFailure(HandshakeResult first, Offer offer) {
        if (first.failure().isEmpty()) {
            return "the server sent no certificate";
        }
        Failure failure = first.failure().get();
        return switch (failure.kind()) {
            case UNRESOLVED, CONNECTION_REFUSED, CONNECT_TIMEOUT, UNREACHABLE, READ_TIMEOUT -> failure.detail();
            default -> "TLS handshake failed" + (first.serverHelloReceived() ? " after the ServerHello" : "") + ": "
                    + failure.detail() + " (offered " + offer.versionsLabel() + " with the cipher suites of a current"
                    + " client)";
        };
    }
}
