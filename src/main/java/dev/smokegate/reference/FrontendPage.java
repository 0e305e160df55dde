package dev.smokegate.reference;

import dev.smokegate.reference.web.Handler;
import dev.smokegate.reference.web.Response;

/** The single-page app's shell: every path returns the same HTML, as an SPA host rewrites all routes to index.html. */
final class FrontendPage {

    private static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>smokegate reference app</title>
            </head>
            <body>
              <h1>smokegate reference app</h1>
              <p>Served by the smokegate reference deployment.</p>
            </body>
            </html>
            """;

    private FrontendPage() {
    }

    static Handler handler() {
        return request -> Response.html(200, HTML);
    }
}
