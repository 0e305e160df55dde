package dev.smokegate.check.headers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Endpoints on commonly allow-listed hosts through which an attacker runs script although a CSP allows only those
 * hosts: Google's csp-evaluator's lists, shipped as {@code csp-allowlist-bypasses.txt} (its header names the
 * source and licence).
 */
final class AllowlistBypasses {

    enum Kind {
        JSONP("serves JSONP", "its callback parameter makes it answer with the attacker's script"),
        ANGULAR("hosts AngularJS", "loaded from there, it runs template expressions the attacker injects");

        final String what;
        final String why;

        Kind(String what, String why) {
            this.what = what;
            this.why = why;
        }
    }

    /** One endpoint, {@code url} with https as csp-evaluator assumes; some JSONP bypasses work only with eval. */
    record Endpoint(Kind kind, URI url, boolean needsEval) {

        String hostAndPath() {
            return url.getHost() + url.getRawPath();
        }
    }

    private static final List<Endpoint> ENDPOINTS = load();

    private AllowlistBypasses() {
    }

    static List<Endpoint> all() {
        return ENDPOINTS;
    }

    private static List<Endpoint> load() {
        try (InputStream in = AllowlistBypasses.class.getResourceAsStream("csp-allowlist-bypasses.txt")) {
            if (in == null) {
                throw new IllegalStateException("csp-allowlist-bypasses.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(AllowlistBypasses::endpoint).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Endpoint endpoint(String line) {
        String[] fields = line.split("\\s+");
        URI url = URI.create("https:" + fields[1]);
        return switch (fields[0]) {
            case "jsonp" -> new Endpoint(Kind.JSONP, url, false);
            case "jsonp+eval" -> new Endpoint(Kind.JSONP, url, true);
            case "angular" -> new Endpoint(Kind.ANGULAR, url, false);
            default -> throw new IllegalStateException("unknown kind in csp-allowlist-bypasses.txt: " + line);
        };
    }
}
