package dev.smokegate.reference.web;

/**
 * Adjusts every response of a site, e.g. adds per-origin security headers. Called per request, so it may follow
 * fault switches.
 */
@FunctionalInterface
public interface ResponseFilter {

    Response apply(Request request, Response response);
}
