package dev.smokegate.reference.web;

import java.util.function.Predicate;

/** A path pattern and the handler that answers it. */
public record Route(Predicate<String> matchesPath, Handler handler) {

    public static Route exact(String path, Handler handler) {
        return new Route(path::equals, handler);
    }

    public static Route any(Handler handler) {
        return new Route(path -> true, handler);
    }
}
