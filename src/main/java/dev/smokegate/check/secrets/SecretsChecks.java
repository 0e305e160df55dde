package dev.smokegate.check.secrets;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.secrets.SecretsProbes;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The {@code secrets.*} checks, in report order. */
public final class SecretsChecks {

    private SecretsChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                secrets(CheckSpec.gate("secrets.public-assets.no-secrets", Severity.CRITICAL,
                        "The frontend's page, its same-origin scripts and the backend's health answer contain no "
                                + "secret the run was given and no credential-shaped string.",
                        "Rotate the leaked secret first, then remove it from the client bundle: only NEXT_PUBLIC_ "
                                + "variables meant for browsers may be read by client code, so move the use of the "
                                + "secret behind an API route or server component and rebuild."),
                        SecretsProbes::publicAssets, AssetJudges::noSecrets, Set.of("secrets.also-search")),
                secrets(CheckSpec.gate("secrets.dotfiles.not-served", Severity.HIGH,
                        "/.env, /.git/config, /.npmrc, /.vercel/project.json and similar files are not served by "
                                + "the frontend or backend origin.",
                        "Serve only the build output (Next.js .next/static and public/), never the project "
                                + "directory: fix the static root or deny dotfiles at the edge, and rotate every "
                                + "secret the exposed file held."),
                        SecretsProbes::dotfiles, DotfileJudges::notServed, Set.of()),
                secrets(CheckSpec.gate("secrets.source-maps.not-public", Severity.MEDIUM,
                        "Production scripts publish no source map (SourceMap header or sourceMappingURL comment "
                                + "that answers with the sources); warns unless secrets.source-maps is fail.",
                        "Build without public source maps (Next.js productionBrowserSourceMaps: false, the "
                                + "default) or upload them to the error tracker and delete them from the output."),
                        SecretsProbes::publicAssets, AssetJudges::sourceMapsNotPublic, Set.of()));
    }

    /** A requirement on what the public origins serve to anyone, judged once per environment at its frontend. */
    private static <O> Check<O> secrets(CheckSpec spec, Function<EnvironmentConfig, ProbeRequest<O>> request,
                                        BiFunction<O, EnvironmentConfig, Verdict> judge, Set<String> uses) {
        return ObservedCheck.of(spec, config -> List.of(new Target(Target.FRONTEND, config.frontend().url()
                        .toString())), (target, config) -> request.apply(config), judge)
                .alsoUsing(uses.toArray(String[]::new));
    }
}
