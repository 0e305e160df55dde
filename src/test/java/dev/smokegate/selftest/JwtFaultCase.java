package dev.smokegate.selftest;

import dev.smokegate.reference.Fault;
import java.util.List;
import java.util.Map;

/**
 * One row of the JWT fault matrix: a fault of the reference app's JWT API and the {@code auth.*} checks that must
 * fail, each with a fragment of its message. The row runs with a token the faulty app itself issued.
 */
record JwtFaultCase(Fault fault, Map<String, String> failing) {

    static final List<JwtFaultCase> ALL = List.of(
            new JwtFaultCase(Fault.JWT_ALG_NONE_ACCEPTED, Map.of("auth.jwt.forgery-rejected",
                    "accepted (2xx): alg none, alg None, alg NONE")),
            new JwtFaultCase(Fault.JWT_SIGNATURE_UNCHECKED, Map.of("auth.jwt.forgery-rejected",
                    "signature stripped, payload changed with the old signature, HS256 with a random key")),
            new JwtFaultCase(Fault.JWT_EXP_IGNORED, Map.of("auth.jwt.forgery-rejected",
                    "accepted (2xx): expired (exp an hour ago)")),
            new JwtFaultCase(Fault.JWT_KEY_CONFUSION, Map.of("auth.jwt.forgery-rejected",
                    "accepted (2xx): HS256 signed with the public key (key confusion)")),
            new JwtFaultCase(Fault.JWT_WEAK_SECRET, Map.of("auth.jwt.secret-strength",
                    "verifies with the weak secret on line 8 of the shipped list")));

    @Override
    public String toString() {
        return fault.name();
    }
}
