package dev.smokegate.archfixture.reference;

/** Stands for the deployment that composes the reference's parts. */
public final class ReferenceDeployment {
}
