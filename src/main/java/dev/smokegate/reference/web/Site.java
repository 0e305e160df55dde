package dev.smokegate.reference.web;

import java.util.List;

/**
 * One origin's behaviour: the first matching route answers, then every filter sees the response. Unmatched paths
 * get 404; handler failures get a 500 that does not leak the exception.
 */
public final class Site {

    private final List<Route> routes;
    private final List<ResponseFilter> filters;

    public Site(List<Route> routes, List<ResponseFilter> filters) {
        this.routes = List.copyOf(routes);
        this.filters = List.copyOf(filters);
    }

    public Reply answer(Request request) {
        Reply reply = route(request);
        if (!(reply instanceof Response)) {
            return reply;
        }
        Response response = (Response) reply;
        for (ResponseFilter filter : filters) {
            response = filter.apply(request, response);
        }
        return response;
    }

    private Reply route(Request request) {
        for (Route route : routes) {
            if (route.matches().test(request)) {
                try {
                    return route.handler().handle(request);
                } catch (Exception e) {
                    return Response.text(500, "internal error\n");
                }
            }
        }
        return Response.text(404, "not found\n");
    }
}
