package dev.smokegate.check;

import dev.smokegate.probe.ProbeRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a check must see before any probe of the run starts, because its own probe would otherwise write where it
 * must not (the restore drill into a database holding someone's tables). A refusal stops the whole run before
 * anything is touched, with exit code 2 and the refusal as one line.
 *
 * @param refusal judges the observation: the one-line reason to refuse the run, or empty to go ahead
 */
public record Preflight<O>(ProbeRequest<O> observation, Function<O, Optional<String>> refusal) {
}
