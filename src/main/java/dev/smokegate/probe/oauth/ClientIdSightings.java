package dev.smokegate.probe.oauth;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.http.HttpEvidence;
import dev.smokegate.probe.secrets.PublicAssets;
import java.util.List;

/**
 * Where the two halves of the app say which GitHub OAuth app they are: the frontend's public bundle, built with
 * its own NEXT_PUBLIC_ client id, and the backend's login redirect. Both are the run's shared observations, the
 * same the {@code secrets.*} and {@code oauth.redirect.params} checks judge.
 *
 * @param frontend what a visitor's browser downloads from the frontend
 * @param backend  the backend's login starts
 */
public record ClientIdSightings(PublicAssets frontend, LoginStarts backend) implements HttpEvidence {

    /** The backend's first login start: the redirect whose client_id the frontend is compared with. */
    @Override
    public List<Evidence> evidence() {
        return backend.starts().isEmpty() ? List.of() : backend.starts().get(0).evidence();
    }
}
