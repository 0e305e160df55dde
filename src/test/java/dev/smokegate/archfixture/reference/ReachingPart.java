package dev.smokegate.archfixture.reference;

import dev.smokegate.archfixture.probe.ProbeInternal;

/** A part of the reference that reaches up to the deployment and into the product's probe machinery. */
public final class ReachingPart {
    final ProbeInternal internal = null;
    final ReferenceDeployment deployment = null;
}
