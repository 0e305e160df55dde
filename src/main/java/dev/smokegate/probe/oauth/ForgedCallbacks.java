package dev.smokegate.probe.oauth;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.http.HttpEvidence;
import dev.smokegate.probe.http.HttpObservation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Callbacks an attacker could send the app, each with what it answered and, when a "who am I" endpoint is
 * configured, what that endpoint said afterwards with the cookies the visitor then held.
 */
public record ForgedCallbacks(List<Attempt> attempts) implements HttpEvidence {

    public ForgedCallbacks {
        attempts = List.copyOf(attempts);
    }

    /**
     * One forged callback.
     *
     * @param forgery   what was forged, in words ("no state", "a state the app never issued", ...)
     * @param callback  the callback request and its answer
     * @param whoAmI    the "who am I" request with the visitor's cookies after the callback, if configured
     */
    public record Attempt(String forgery, HttpObservation callback, Optional<HttpObservation> whoAmI) {
    }

    @Override
    public List<Evidence> evidence() {
        return attempts.stream().flatMap(a -> Stream.concat(a.callback().evidence().stream(),
                a.whoAmI().stream().flatMap(w -> w.evidence().stream()))).toList();
    }
}
