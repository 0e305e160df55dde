package dev.smokegate.probe.db;

import dev.smokegate.config.DatabaseSettings;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.ProbeRequest;

/** The observations of a Postgres database the db.* checks ask for, keyed so that each is made once per run. */
public final class PostgresProbes {

    private PostgresProbes() {
    }

    /** The one read-only session that feeds every db.* check but db.tls.required. */
    public static ProbeRequest<PostgresObservation> session(PostgresUrl url, DatabaseSettings settings) {
        return new ProbeRequest<>("postgres-session " + url, context -> PostgresProbe.observe(url, settings,
                context));
    }

    /** The credential-free plaintext StartupMessage and verified TLS handshake. */
    public static ProbeRequest<PostgresTransportObservation> transport(PostgresUrl url, Timeouts timeouts) {
        return new ProbeRequest<>("postgres-transport " + url, context -> PostgresTransportProbe.observe(url,
                context.trust(), timeouts));
    }
}
