package dev.smokegate.check.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What smokegate knows of Postgres releases, shipped as {@code postgres-releases.txt} with the date it was last
 * brought up to date: per major version, the newest minor release and the end of community support. Knowledge with a
 * date, so a message can say "as of" rather than pretend to know today's releases.
 */
record PostgresReleases(LocalDate asOf, Map<Integer, Branch> branches) {

    /** One major version: its newest minor release as of {@link #asOf}, and the day its support ends. */
    record Branch(int major, int newestMinor, LocalDate endOfLife) {
    }

    static final PostgresReleases SHIPPED = load();

    PostgresReleases {
        branches = Map.copyOf(branches);
    }

    Optional<Branch> branch(int major) {
        return Optional.ofNullable(branches.get(major));
    }

    private static PostgresReleases load() {
        try (InputStream in = PostgresReleases.class.getResourceAsStream("postgres-releases.txt")) {
            if (in == null) {
                throw new IllegalStateException("postgres-releases.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            LocalDate asOf = null;
            Map<Integer, Branch> branches = new HashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.strip().split("\\s+");
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (fields[0].equals("as-of")) {
                    asOf = LocalDate.parse(fields[1]);
                } else {
                    int major = Integer.parseInt(fields[0]);
                    branches.put(major, new Branch(major, Integer.parseInt(fields[1]), LocalDate.parse(fields[2])));
                }
            }
            if (asOf == null) {
                throw new IllegalStateException("postgres-releases.txt names no as-of date");
            }
            return new PostgresReleases(asOf, branches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
