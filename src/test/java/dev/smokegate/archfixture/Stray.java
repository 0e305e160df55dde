package dev.smokegate.archfixture;

/** Lives in no layer. */
public final class Stray {
}
