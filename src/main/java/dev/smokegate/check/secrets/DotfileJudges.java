package dev.smokegate.check.secrets;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.secrets.DotfileObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges whether dotfiles are served, by their content: an SPA host answers every path with its page, and a 200
 * HTML fallback leaks nothing.
 */
final class DotfileJudges {

    private static final Pattern ENV_LINE = Pattern.compile("(?m)^\\s*(?:export\\s+)?[A-Za-z_][A-Za-z0-9_]*=");
    private static final Pattern GIT_HEAD = Pattern.compile("^(?:ref: refs/|[0-9a-f]{40}\\s*$)");

    private DotfileJudges() {
    }

    static Verdict notServed(DotfileObservation observed, EnvironmentConfig config) {
        List<String> leaks = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (DotfileObservation.Answer answer : observed.answers()) {
            Optional<HttpExchange> exchange = answer.observation().exchange();
            if (exchange.isEmpty()) {
                unanswered.add(answer.observation().url() + ": " + answer.observation().failure().orElse(""));
                continue;
            }
            HttpExchange e = exchange.get();
            if (e.status() >= 200 && e.status() < 300) {
                contentOf(answer.path(), e.body()).ifPresent(what ->
                        leaks.add(e.url() + " answers " + e.status() + " with " + what));
            }
        }
        if (!leaks.isEmpty()) {
            return Verdict.fail(String.join("; ", leaks));
        }
        if (!unanswered.isEmpty()) {
            return Verdict.inconclusive("no answer for " + String.join("; ", unanswered));
        }
        return Verdict.pass(observed.answers().size() + " dotfile requests on the frontend and backend answer "
                + "an error or a page that is not the file");
    }

    /** What the body shows it is, when it is the file asked for; empty for an error or fallback page. */
    static Optional<String> contentOf(String path, String body) {
        String start = body.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype") || start.startsWith("<html")) {
            return Optional.empty();
        }
        boolean file = switch (path) {
            case "/.git/HEAD" -> GIT_HEAD.matcher(body.strip()).find();
            case "/.git/config" -> body.contains("[core]");
            case "/.npmrc" -> body.contains("_authToken") || body.contains("registry=");
            case "/.vercel/project.json" -> body.contains("\"projectId\"");
            case "/.DS_Store" -> body.contains("Bud1");
            default -> path.startsWith("/.env") && ENV_LINE.matcher(body).find();
        };
        return file ? Optional.of("the file's content (" + description(path) + ")") : Optional.empty();
    }

    private static String description(String path) {
        return switch (path) {
            case "/.git/HEAD" -> "a git HEAD ref: the repository can be downloaded";
            case "/.git/config" -> "a git config with [core]: the repository can be downloaded";
            case "/.npmrc" -> "npm registry settings, perhaps an _authToken";
            case "/.vercel/project.json" -> "the Vercel project and org ids";
            case "/.DS_Store" -> "a Finder index listing the directory";
            default -> "KEY=value lines";
        };
    }
}
