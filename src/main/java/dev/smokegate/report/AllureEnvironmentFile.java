package dev.smokegate.report;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Suite;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code environment.properties} for {@code allure-results/}: the "Environment" widget of the HTML report, so a
 * reader sees which deployment, suite and tool version produced it. Every value is redacted: a base URL may carry
 * user info.
 */
public final class AllureEnvironmentFile {

    private AllureEnvironmentFile() {
    }

    /** The entries in display order. */
    static Map<String, String> entries(EnvironmentConfig config, Suite suite) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("Environment", config.name());
        entries.put("Suite", suite.label());
        entries.put("Frontend", String.valueOf(config.frontend().url()));
        entries.put("Backend", String.valueOf(config.backend().url()));
        if (config.source() != null && config.source().getFileName() != null) {
            entries.put("Config", config.source().getFileName().toString());
        }
        if (!config.connectTo().mappings().isEmpty()) {
            entries.put("Connect to", config.connectTo().mappings().stream().map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        entries.put("Java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        entries.put("smokegate", SmokegateVersion.current());
        return entries;
    }

    public static Path write(Path allureResults, EnvironmentConfig config, Suite suite, Redactor redactor)
            throws IOException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : entries(config, suite).entrySet()) {
            body.append(propertyLine(e.getKey(), redactor.redact(e.getValue()))).append('\n');
        }
        Path file = allureResults.resolve("environment.properties");
        AtomicFiles.write(file, body.toString());
        return file;
    }

    /**
     * One {@code key=value} line escaped the way {@link Properties#load} (Allure's reader) expects: spaces in keys,
     * backslashes, line breaks, non-ASCII. One entry per Properties object keeps the display order, which a single
     * Properties would lose; its date comment is dropped.
     */
    private static String propertyLine(String key, String value) throws IOException {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter text = new StringWriter();
        one.store(text, null);
        return text.toString().lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining());
    }
}
