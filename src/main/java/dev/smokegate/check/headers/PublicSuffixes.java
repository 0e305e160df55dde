package dev.smokegate.check.headers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.http.conn.util.PublicSuffixList;
import org.apache.http.conn.util.PublicSuffixListParser;

/**
 * The registrable domain (eTLD+1) of a host, by the public suffix list's algorithm with its default rule {@code *}:
 * an unlisted TLD such as {@code .test} is a suffix of one label, as Go's {@code publicsuffix} (which hstspreload
 * uses) treats it. The list is the copy bundled with HttpClient, which rest-assured already brings; its own matcher
 * answers {@code null} for unlisted TLDs, hence this small implementation of the lookup.
 */
final class PublicSuffixes {

    private static final Set<String> RULES = new HashSet<>();
    private static final Set<String> EXCEPTIONS = new HashSet<>();

    static {
        try (InputStream in = PublicSuffixList.class.getResourceAsStream("/mozilla/public-suffix-list.txt")) {
            if (in == null) {
                throw new IllegalStateException("the public suffix list is missing from HttpClient's jar");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (PublicSuffixList list : new PublicSuffixListParser().parseByType(reader)) {
                RULES.addAll(list.getRules());
                EXCEPTIONS.addAll(list.getExceptions());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PublicSuffixes() {
    }

    /** The registrable domain of {@code host}; empty when the host is itself a public suffix. */
    static Optional<String> registrableDomain(String host) {
        List<String> labels = List.of(host.toLowerCase(Locale.ROOT).split("\\."));
        int suffixLabels = suffixLength(labels);
        if (labels.size() <= suffixLabels) {
            return Optional.empty();
        }
        return Optional.of(String.join(".", labels.subList(labels.size() - suffixLabels - 1, labels.size())));
    }

    /** How many trailing labels form the public suffix: the longest matching rule, an exception removing one. */
    private static int suffixLength(List<String> labels) {
        int longest = 1;
        for (int start = labels.size() - 1; start >= 0; start--) {
            String candidate = String.join(".", labels.subList(start, labels.size()));
            int length = labels.size() - start;
            if (EXCEPTIONS.contains(candidate)) {
                return length - 1;
            }
            String parent = String.join(".", labels.subList(start + 1, labels.size()));
            if (RULES.contains(candidate) || (!parent.isEmpty() && RULES.contains("*." + parent))) {
                longest = length;
            }
        }
        return longest;
    }
}
