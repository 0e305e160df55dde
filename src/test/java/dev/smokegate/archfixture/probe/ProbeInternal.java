package dev.smokegate.archfixture.probe;

/** A probe's machinery (not an observation). */
public final class ProbeInternal {
}
