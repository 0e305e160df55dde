package dev.smokegate.report;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for a canary in a file the way an attacker reading the artifact would: as text, URL-encoded, escaped for
 * JSON, HTML or XML, and inside any Base64 run (at every alignment, decoded and searched again, recursively), which
 * is how the single-file HTML report embeds its data. Written independently of {@link Redactor}, so that it
 * checks the redactor rather than repeating it.
 */
public final class LeakScanner {

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{12,}");
    private static final int MAX_DEPTH = 3;

    private final List<String> canaries;
    private final int prefix;

    /** Looks for whole canaries, in every form. */
    public LeakScanner(List<String> canaries) {
        this(canaries, Integer.MAX_VALUE);
    }

    /**
     * Looks for any {@code prefix} characters a form of a canary starts with, too: a canary cut off at a size
     * limit leaks its beginning, and every longer leaked beginning contains the shortest one.
     */
    public LeakScanner(List<String> canaries, int prefix) {
        this.canaries = List.copyOf(canaries);
        this.prefix = prefix;
    }

    /**
     * Every leak in every file under {@code root} (a report directory), each as {@code "relative/path: leak"}; empty
     * when all are clean. Fails when there is no file at all: a scan of nothing proves nothing.
     */
    public List<String> leaksUnder(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        if (files.isEmpty()) {
            throw new AssertionError("no file under " + root + " to scan for leaks");
        }
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            leaks(Files.readAllBytes(file)).forEach(leak -> found.add(root.relativize(file) + ": " + leak));
        }
        return found;
    }

    /** Descriptions of every form of every canary found in the content; empty when it is clean. */
    public List<String> leaks(byte[] content) {
        List<String> found = new ArrayList<>();
        scan(content, 0, "", found);
        return found;
    }

    private void scan(byte[] content, int depth, String path, List<String> found) {
        String text = new String(content, StandardCharsets.ISO_8859_1); // byte-for-byte, never fails
        String utf8 = new String(content, StandardCharsets.UTF_8);
        for (String canary : canaries) {
            for (String whole : forms(canary)) {
                String form = whole.substring(0, Math.min(prefix, whole.length()));
                if (utf8.contains(form) || text.contains(form)) {
                    found.add(path + "'" + form + "'");
                }
            }
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        Matcher m = BASE64_RUN.matcher(text);
        while (m.find()) {
            String run = m.group().replace('-', '+').replace('_', '/');
            for (int shift = 0; shift < 4 && run.length() - shift >= 12; shift++) {
                String aligned = run.substring(shift, shift + (run.length() - shift) / 4 * 4);
                byte[] decoded;
                try {
                    decoded = Base64.getDecoder().decode(aligned);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                scan(decoded, depth + 1, path + "base64@" + m.start() + "+" + shift + " > ", found);
            }
        }
    }

    static Set<String> forms(String canary) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(canary);
        String url = URLEncoder.encode(canary, StandardCharsets.UTF_8);
        forms.add(url);
        forms.add(url.replace("+", "%20"));
        forms.add(url.toLowerCase());
        forms.add(canary.replace("\\", "\\\\").replace("\"", "\\\""));
        forms.add(canary.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        forms.add(canary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;"));
        forms.add(canary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&#34;").replace("'", "&apos;"));
        forms.add(canary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;"));
        return forms;
    }
}
