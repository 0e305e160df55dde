package dev.smokegate.config;

/**
 * What the run tells the user about the waivers themselves (as notices, never as failures): a waiver is a
 * short-term exception, and one that runs for years, or covers every check, quietly stops the gate from gating.
 *
 * @param maxDays a waiver expiring more than this many days after the run is pointed out
 */
public record WaiverPolicy(int maxDays) {

    public static final WaiverPolicy DEFAULTS = new WaiverPolicy(365);

    static WaiverPolicy read(YamlNode policy) {
        return new WaiverPolicy(policy.days("max-days").orElse(DEFAULTS.maxDays));
    }
}
