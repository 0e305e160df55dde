package dev.smokegate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data files inside an Allure 2 single-file report: the page loads each through {@code d('<path>','<base64>')},
 * {@code history/} included, though it writes no {@code history/} directory.
 */
final class SingleFileReport {

    private static final Pattern ENTRY = Pattern.compile("d\\('([^']+)','([A-Za-z0-9+/=]*)'\\)");
    private static final Pattern HISTORY_FILE = Pattern.compile("history/([A-Za-z0-9_-]+\\.json)");

    private SingleFileReport() {
    }

    /** Every embedded file of {@code index}, by its path in the report, decoded. */
    static Map<String, byte[]> embedded(Path index) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(Files.readString(index, StandardCharsets.UTF_8));
        while (m.find()) {
            files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        return files;
    }

    /** Writes the embedded {@code history/*.json} files into {@code history}; returns how many there were. */
    static int extractHistory(Path index, Path history) throws IOException {
        int written = 0;
        for (Map.Entry<String, byte[]> file : embedded(index).entrySet()) {
            Matcher name = HISTORY_FILE.matcher(file.getKey());
            if (name.matches()) {
                Files.createDirectories(history);
                AtomicFiles.write(history.resolve(name.group(1)), file.getValue());
                written++;
            }
        }
        return written;
    }
}
