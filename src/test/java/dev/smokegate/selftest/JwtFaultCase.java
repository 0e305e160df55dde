package dev.smokegate.selftest;

import dev.smokegate.reference.Fault;
import java.util.List;
import java.util.Map;

/**
 * One row of the JWT fault matrix: a fault of the reference app's JWT API and the {@code auth.*} checks that must
 * fail, each with a fragment of its message. The row runs with the token the faulty app would issue: the healthy
 * one ({@code SMOKE_JWT}) where the fault is in verification, one signed with the weak secret, or, for the RS256
 * app, the one it really issues to the test account's browser login ({@code auth.jwt.token-url}).
 */
record JwtFaultCase(Fault fault, Map<String, String> failing, Token token) {

    /** Where the row's valid token comes from. */
    enum Token { CONFIGURED, SIGNED_WITH_WEAK_SECRET, FROM_LOGIN }

    JwtFaultCase(Fault fault, Map<String, String> failing) {
        this(fault, failing, Token.CONFIGURED);
    }

    static final List<JwtFaultCase> ALL = List.of(
            new JwtFaultCase(Fault.JWT_ALG_NONE_ACCEPTED, Map.of("auth.jwt.forgery-rejected",
                    "accepted (2xx): alg none, alg None, alg NONE")),
            new JwtFaultCase(Fault.JWT_SIGNATURE_UNCHECKED, Map.of("auth.jwt.forgery-rejected",
                    "signature stripped, payload changed with the old signature, HS256 with a random key")),
            new JwtFaultCase(Fault.JWT_EXP_IGNORED, Map.of("auth.jwt.forgery-rejected",
                    "accepted (2xx): expired (exp an hour ago)")),
            new JwtFaultCase(Fault.JWT_KEY_CONFUSION, Map.of("auth.jwt.forgery-rejected",
                    "accepted (2xx): HS256 signed with the public key (key confusion)"), Token.FROM_LOGIN),
            new JwtFaultCase(Fault.JWT_WEAK_SECRET, Map.of("auth.jwt.secret-strength",
                    "verifies with the weak secret on line 8 of the shipped list"), Token.SIGNED_WITH_WEAK_SECRET));

    @Override
    public String toString() {
        return fault.name();
    }
}
