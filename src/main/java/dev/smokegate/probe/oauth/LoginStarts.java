package dev.smokegate.probe.oauth;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.http.HttpEvidence;
import dev.smokegate.probe.http.HttpObservation;
import java.util.List;

/**
 * The app's login URL fetched {@link OAuthProbes#STARTS} times, each as a new visitor, redirects not followed: each
 * answer should send the browser to GitHub's authorize URL with its own state.
 */
public record LoginStarts(List<HttpObservation> starts) implements HttpEvidence {

    public LoginStarts {
        starts = List.copyOf(starts);
    }

    @Override
    public List<Evidence> evidence() {
        return starts.stream().flatMap(s -> s.evidence().stream()).toList();
    }
}
