package dev.smokegate.check.oauth;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub client ids a public page or script carries, in three forms: an authorize URL on GitHub's host with a
 * client_id, a value assigned to a GitHub client id variable (Next.js inlines {@code
 * process.env.NEXT_PUBLIC_GITHUB_CLIENT_ID} as a literal next to its name), and any string in the shapes only
 * GitHub issues ({@code Ov23li…} and {@code Iv23li…}, 20 characters, and {@code Iv1.} with 16 hex digits). Other
 * providers' client ids ({@code clientId} of Google or Auth0) are not GitHub's and are not matched.
 */
final class PublicClientIds {

    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)github_?client_?id[\"']?\\s*[:=]\\s*[\"'`]([A-Za-z0-9._-]{8,64})[\"'`]");
    private static final Pattern GITHUB_SHAPE = Pattern.compile(
            "(?<![A-Za-z0-9.])((?:Ov|Iv)23li[A-Za-z0-9]{14}|Iv1\\.[0-9a-f]{16})(?![A-Za-z0-9])");

    private PublicClientIds() {
    }

    /** Each distinct client id in {@code text}, in order of first appearance. */
    static Set<String> in(String text, URI github) {
        Set<String> ids = new LinkedHashSet<>();
        Pattern authorize = Pattern.compile("(?i)" + Pattern.quote(github.getHost())
                + "(?::\\d+)?/login/oauth/authorize\\?[^\"'\\s<>`]*?\\bclient_id=([A-Za-z0-9._-]+)");
        for (Pattern pattern : List.of(authorize, ASSIGNED, GITHUB_SHAPE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}
