package dev.smokegate.archfixture.config;

import dev.smokegate.archfixture.probe.ProbeInternal;

/** Config reaching up into probe, as ConfigLoader once did for PEM files. */
public final class UpwardConfig {
    final ProbeInternal upward = null;
}
