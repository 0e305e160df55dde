package dev.smokegate.probe.tls;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import org.bouncycastle.tls.CipherSuite;

/**
 * The cipher suites the scanner can offer, by IANA code and name, grouped the way the {@code tls.cipher.*} checks
 * judge them. Names come from BouncyCastle's {@link CipherSuite} constants, which follow the IANA registry. The
 * scanner offers these codes raw: a server's choice is read from its ServerHello, so suites BouncyCastle cannot
 * run (RC4, DES, EXPORT) can still be offered and named.
 */
final class CipherSuites {

    /** What a suite is made of, as far as the checks care. A suite may be in several weak families at once. */
    enum Family {
        NULL, ANONYMOUS, EXPORT, DES, RC4, TRIPLE_DES,
        /** A 64-bit block cipher like 3DES (Sweet32); TLS 1.2 dropped it with single DES (RFC 5469). */
        IDEA,
        /** TLS_RSA_*: the certificate's RSA key encrypts the premaster secret, no forward secrecy. */
        STATIC_RSA,
        /** TLS_DH_* and TLS_ECDH_* with a certificate: fixed (EC)DH key in the certificate, no forward secrecy. */
        STATIC_DH,
        DHE, ECDHE;

        static final Set<Family> WEAK = EnumSet.of(NULL, ANONYMOUS, EXPORT, DES, RC4, TRIPLE_DES, IDEA);
    }

    /** One suite: code, IANA name, families, and whether it needs TLS 1.2 (GCM, CCM, SHA-256/384 MACs). */
    record Suite(int code, String name, Set<Family> families, boolean tls12Only, boolean tls13) {

        boolean weak() {
            return families.stream().anyMatch(Family.WEAK::contains);
        }

        boolean in(Family family) {
            return families.contains(family);
        }

        boolean validFor(TlsVersion version) {
            if (version == TlsVersion.TLS_1_3) {
                return tls13;
            }
            return !tls13 && (!tls12Only || version == TlsVersion.TLS_1_2);
        }
    }

    private static final Map<Integer, Suite> BY_CODE = load();

    private CipherSuites() {
    }

    /** The IANA name, or the hex code for a suite the catalogue does not know. */
    static String name(int code) {
        Suite suite = BY_CODE.get(code);
        return suite != null ? suite.name() : String.format("0x%04X", code);
    }

    static Suite byCode(int code) {
        return BY_CODE.get(code);
    }

    static boolean isDhe(int code) {
        Suite suite = BY_CODE.get(code);
        return suite != null && (suite.in(Family.DHE) || suite.name().startsWith("TLS_DH_anon_"));
    }

    /** Every suite valid for {@code version}, modern first, so a server that follows the client's order picks well. */
    static List<Suite> validFor(TlsVersion version) {
        return BY_CODE.values().stream().filter(s -> s.validFor(version)).sorted(CLIENT_ORDER).toList();
    }

    /**
     * An offered suite with {@code chosen}'s key exchange (EXPORT counted as its full-strength kind) that is valid for
     * {@code version} and {@code runnable}, CBC ones first (a server's encrypt_then_mac answer then still fits).
     */
    static OptionalInt standIn(int chosen, int[] offered, TlsVersion version, IntPredicate runnable) {
        Suite suite = BY_CODE.get(chosen);
        if (suite == null || suite.tls13() || version == null || version == TlsVersion.TLS_1_3) {
            return OptionalInt.empty();
        }
        String keyExchange = keyExchange(suite);
        return Arrays.stream(offered).filter(code -> code != chosen && runnable.test(code))
                .mapToObj(BY_CODE::get).filter(s -> s != null && !s.tls13() && s.validFor(version)
                        && keyExchange(s).equals(keyExchange))
                .sorted(Comparator.comparingInt(s -> s.name().contains("_CBC_") ? 0 : 1))
                .mapToInt(Suite::code).findFirst();
    }

    private static String keyExchange(Suite suite) {
        return suite.name().substring(0, suite.name().indexOf("_WITH_")).replaceAll("_EXPORT(1024)?$", "");
    }

    static int[] codes(Collection<Suite> suites) {
        return suites.stream().mapToInt(Suite::code).toArray();
    }

    /**
     * What the default handshake offers: suites a current client would offer (TLS 1.3, then (EC)DHE with AEAD, CBC
     * and static RSA as a last resort, so an old but sane server still sends its certificate).
     */
    static int[] defaultOffer() {
        return new int[] {
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
        };
    }

    /** Forward-secret AEAD first, then other forward-secret, static key exchange, and weak suites last. */
    private static final Comparator<Suite> CLIENT_ORDER = Comparator
            .comparingInt((Suite s) -> s.tls13() ? 0 : s.weak() ? 4
                    : s.in(Family.ECDHE) ? 1 : s.in(Family.DHE) ? 2 : 3)
            .thenComparingInt(s -> s.name().contains("GCM") || s.name().contains("CHACHA20") ? 0 : 1)
            .thenComparingInt(Suite::code);

    private static Map<Integer, Suite> load() {
        Map<Integer, Suite> suites = new LinkedHashMap<>();
        for (Field field : CipherSuite.class.getFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() != int.class || !Modifier.isStatic(modifiers) || !field.getName().startsWith("TLS_")) {
                continue;
            }
            int code;
            try {
                code = field.getInt(null);
            } catch (IllegalAccessException e) {
                continue;
            }
            String name = field.getName();
            if (offerable(code, name)) {
                suites.putIfAbsent(code, describe(code, name));
            }
        }
        return Collections.unmodifiableMap(suites);
    }

    /**
     * Suites a scan offers: certificate- or anonymous-based key exchange. PSK, SRP, Kerberos, GOST, SM and ECCPWD
     * suites need client credentials or national profiles no public web server enables; signalling values are no
     * suites at all.
     */
    private static boolean offerable(int code, String name) {
        if (code == CipherSuite.TLS_NULL_WITH_NULL_NULL || CipherSuite.isSCSV(code) || (code & 0xFF00) == 0xFF00) {
            return false;
        }
        for (String excluded : List.of("PSK", "SRP", "KRB5", "GOST", "SM4", "ECCPWD", "SHA256_SHA256",
                "SHA384_SHA384", "FORTEZZA")) {
            if (name.contains(excluded)) {
                return false;
            }
        }
        return true;
    }

    private static Suite describe(int code, String name) {
        boolean tls13 = !name.contains("_WITH_");
        Set<Family> families = EnumSet.noneOf(Family.class);
        if (!tls13) {
            if (name.contains("_WITH_NULL_")) {
                families.add(Family.NULL);
            }
            if (name.contains("_anon_")) {
                families.add(Family.ANONYMOUS);
            }
            if (name.contains("EXPORT")) {
                families.add(Family.EXPORT);
            }
            if (name.contains("_WITH_DES_CBC_") || name.contains("_DES40_")) {
                families.add(Family.DES);
            }
            if (name.contains("_RC4_")) {
                families.add(Family.RC4);
            }
            if (name.contains("_3DES_")) {
                families.add(Family.TRIPLE_DES);
            }
            if (name.contains("_IDEA_")) {
                families.add(Family.IDEA);
            }
            String kex = name.substring(0, name.indexOf("_WITH_"));
            if (kex.equals("TLS_RSA") || kex.startsWith("TLS_RSA_EXPORT")) {
                families.add(Family.STATIC_RSA);
            } else if (kex.startsWith("TLS_DHE_")) {
                families.add(Family.DHE);
            } else if (kex.startsWith("TLS_ECDHE_")) {
                families.add(Family.ECDHE);
            } else if ((kex.startsWith("TLS_DH_") || kex.startsWith("TLS_ECDH_")) && !kex.contains("anon")) {
                families.add(Family.STATIC_DH);
            }
        }
        boolean tls12Only = !tls13 && (name.contains("GCM") || name.contains("CCM") || name.contains("CHACHA20")
                || name.endsWith("_SHA256") || name.endsWith("_SHA384"));
        return new Suite(code, name, Collections.unmodifiableSet(families), tls12Only, tls13);
    }

    /** For tests and the report: how many suites of each family the scanner can offer. */
    static Map<Family, List<String>> catalogue() {
        Map<Family, List<String>> byFamily = new LinkedHashMap<>();
        for (Family family : Family.values()) {
            List<String> names = new ArrayList<>();
            BY_CODE.values().stream().filter(s -> s.in(family)).forEach(s -> names.add(s.name()));
            byFamily.put(family, names);
        }
        return byFamily;
    }
}
