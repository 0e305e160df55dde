package dev.smokegate.archfixture.report;

import dev.smokegate.archfixture.reference.ReferenceDeployment;

/** A product class other than the front door that uses the reference deployment. */
public final class ReportUsingReference {
    final ReferenceDeployment deployment = null;
}
