package dev.smokegate.reference;

import java.util.List;

/**
 * The public names of the reference deployment's web hosts, which demo.yaml configures and its certificates carry.
 * The sites, headers and CORS middleware that serve them, and the deployment that starts them, all read the names
 * from here.
 */
public final class ReferenceHosts {

    public static final String FRONTEND = "app.smokegate.test";
    public static final String BACKEND = "api.smokegate.test";
    public static final String WWW = "www.smokegate.test";
    /** The registrable domain, which the HSTS preload list judges. */
    public static final String APEX = "smokegate.test";
    /** GitHub's stand-in, web and API on one host as GitHub Enterprise Server serves them. */
    public static final String GITHUB = "github.smokegate.test";

    /** Every web host, each served over HTTPS on its own port and over plain HTTP on a shared one. */
    static final List<String> ALL = List.of(FRONTEND, BACKEND, WWW, APEX, GITHUB);

    private ReferenceHosts() {
    }
}
