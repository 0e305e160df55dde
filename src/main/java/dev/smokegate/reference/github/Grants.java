package dev.smokegate.reference.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes (one use, ten minutes, as GitHub documents them) and the access tokens they turn into. */
final class Grants {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** What a code was issued for. */
    record Code(AuthorizationRequest request, String login, Instant expires) {
    }

    record Token(String login, List<String> scopes) {

        Token {
            scopes = List.copyOf(scopes);
        }
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    Grants(Clock clock) {
        this.clock = clock;
    }

    /** A code as GitHub's look: 20 hex digits. */
    String issueCode(AuthorizationRequest request, String login) {
        String code = HexFormat.of().formatHex(RandomValues.bytes(10));
        codes.put(code, new Code(request, login, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The code's grant, once: it is gone afterwards, whether it had expired or not. */
    Optional<Code> redeem(String code) {
        Code grant = codes.remove(code);
        return grant == null || !clock.instant().isBefore(grant.expires()) ? Optional.empty() : Optional.of(grant);
    }

    /** An OAuth app token as GitHub's look: {@code gho_} and 36 base62 characters. */
    String issueToken(String login, List<String> scopes) {
        String token = "gho_" + RandomValues.base62(36);
        tokens.put(token, new Token(login, scopes));
        return token;
    }

    Optional<Token> token(String value) {
        return Optional.ofNullable(tokens.get(value));
    }
}
