package dev.smokegate.reference;

import java.time.Duration;

/** One dependency check behind a backend health path; throws to report the dependency as down. */
@FunctionalInterface
interface HealthCheck {

    /** @return how long the check took */
    Duration run() throws Exception;
}
