package dev.smokegate.probe.secrets;

import dev.smokegate.probe.http.HttpObservation;
import java.util.List;

/**
 * The answers to requests for files that must never be public, on each public origin.
 *
 * @param answers one per origin and path, in request order
 */
public record DotfileObservation(List<Answer> answers) {

    /** @param path the dotfile asked for, e.g. {@code /.env} */
    public record Answer(String path, HttpObservation observation) {
    }

    public DotfileObservation {
        answers = List.copyOf(answers);
    }
}
