/**
 * Classes that break each architecture rule once, laid out like the product's packages, so
 * {@code ArchitectureTest} can show that every rule fails when its rule is broken. Nothing uses them.
 */
package dev.smokegate.archfixture;
