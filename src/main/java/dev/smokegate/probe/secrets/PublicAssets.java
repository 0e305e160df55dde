package dev.smokegate.probe.secrets;

import dev.smokegate.probe.http.HttpObservation;
import java.util.List;
import java.util.Map;

/**
 * What a visitor's browser downloads from the frontend, and the backend's public health answer: the raw material
 * the secrets checks search.
 *
 * @param page       the frontend's HTML page
 * @param scripts    every same-origin script the page loads, in page order, as far as the bounds allowed
 * @param health     the backend's health response
 * @param sourceMaps every source map a script names (SourceMap/X-SourceMap header or sourceMappingURL comment),
 *                   by the script's URL, fetched; inline {@code data:} maps are not fetched and not listed here
 * @param inlineMaps scripts that carry their source map inline as a {@code data:} URL
 * @param bounds     the limits that stopped the download early, one readable line each
 */
public record PublicAssets(HttpObservation page, List<HttpObservation> scripts, HttpObservation health,
                           Map<String, HttpObservation> sourceMaps, List<String> inlineMaps, List<String> bounds) {

    public PublicAssets {
        scripts = List.copyOf(scripts);
        sourceMaps = Map.copyOf(sourceMaps);
        inlineMaps = List.copyOf(inlineMaps);
        bounds = List.copyOf(bounds);
    }
}
