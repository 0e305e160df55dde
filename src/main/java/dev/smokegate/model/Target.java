package dev.smokegate.model;

import java.util.Objects;

/**
 * What a check looks at: a role in the environment ({@code frontend}, {@code backend}, {@code www}) and the
 * address observed there. Waivers match either part.
 */
public record Target(String role, String address) {

    public Target {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(address, "address");
    }

    /** Stands for "the environment as a whole", e.g. for a check that does not apply anywhere. */
    public static Target environment(String name) {
        return new Target("environment", name);
    }

    @Override
    public String toString() {
        return role + " " + address;
    }
}
