package dev.smokegate.probe.http;

/**
 * One cross-origin request as a browser would send it from {@code origin}: a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method} {@code method}) or the actual request ({@code GET} with {@code Origin}).
 */
public record CorsExchange(String origin, Kind kind, String method, HttpObservation observation) {

    public enum Kind { PREFLIGHT, ACTUAL }
}
