package dev.smokegate.check.secrets;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.secrets.PublicAssets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Judges of what the frontend hands every visitor: its page, its scripts, their source maps. */
final class AssetJudges {

    private AssetJudges() {
    }

    static Verdict noSecrets(PublicAssets assets, EnvironmentConfig config) {
        if (assets.page().exchange().isEmpty()) {
            return Verdict.inconclusive("the frontend page did not answer: " + assets.page().failure().orElse(""));
        }
        Map<String, String> secrets = SecretNames.of(config);
        List<String> findings = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        long bytes = 0;
        int searched = 0;
        for (HttpObservation asset : searched(assets)) {
            Optional<HttpExchange> answer = asset.exchange();
            if (answer.isEmpty()) {
                unanswered.add(asset.url().toString());
                continue;
            }
            String body = answer.get().body();
            searched++;
            bytes += body.length();
            secrets.forEach((value, name) -> {
                if (body.contains(value)) {
                    findings.add("the value of " + name + " appears in " + asset.url());
                }
            });
            CredentialShapes.in(body).forEach(match ->
                    findings.add(match.kind() + " " + match.masked() + " appears in " + asset.url()));
        }
        String bounds = notes(assets.bounds(), unanswered);
        if (!findings.isEmpty()) {
            return Verdict.fail(String.join("; ", findings) + bounds);
        }
        return Verdict.pass(searched + " public responses (" + bytes + " bytes) hold none of the run's "
                + secrets.size() + " secret values and no credential shape" + bounds);
    }

    private static List<HttpObservation> searched(PublicAssets assets) {
        return Stream.of(Stream.of(assets.page()), assets.scripts().stream(), Stream.of(assets.health()))
                .flatMap(s -> s).toList();
    }

    private static String notes(List<String> bounds, List<String> unanswered) {
        List<String> notes = new ArrayList<>(bounds);
        if (!unanswered.isEmpty()) {
            notes.add("not searched, no answer: " + String.join(", ", unanswered));
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    static Verdict sourceMapsNotPublic(PublicAssets assets, EnvironmentConfig config) {
        if (assets.page().exchange().isEmpty()) {
            return Verdict.inconclusive("the frontend page did not answer: " + assets.page().failure().orElse(""));
        }
        List<String> published = new ArrayList<>();
        assets.inlineMaps().forEach(script -> published.add(script + " carries its source map inline"));
        assets.sourceMaps().forEach((script, map) -> map.exchange()
                .filter(e -> e.status() == 200 && e.body().contains("\"sources\""))
                .ifPresent(e -> published.add(script + " publishes its source map " + e.url() + " (200 with "
                        + "\"sources\")")));
        String bounds = notes(assets.bounds(), List.of());
        if (published.isEmpty()) {
            return Verdict.pass(assets.scripts().size() + " scripts publish no source map" + bounds);
        }
        String message = String.join("; ", published.stream().sorted().toList()) + bounds;
        return config.secrets().sourceMapsFail() ? Verdict.fail(message) : Verdict.warn(message);
    }
}
