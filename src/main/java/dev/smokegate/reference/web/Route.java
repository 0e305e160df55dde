package dev.smokegate.reference.web;

import java.util.function.Predicate;

/** Which requests a handler answers: by path, or by anything else about the request (a CORS preflight). */
public record Route(Predicate<Request> matches, Handler handler) {

    public static Route exact(String path, Handler handler) {
        return new Route(request -> request.rawPath().equals(path), handler);
    }

    public static Route any(Handler handler) {
        return new Route(request -> true, handler);
    }
}
