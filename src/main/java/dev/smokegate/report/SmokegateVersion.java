package dev.smokegate.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running smokegate's version, for reports: from the jar manifest or Maven's pom.properties. */
public final class SmokegateVersion {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.smokegate/smokegate/pom.properties";

    private SmokegateVersion() {
    }

    /** The version, or {@code "development build"} when running from classes (IDE, {@code mvn test}). */
    public static String current() {
        String fromManifest = SmokegateVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = SmokegateVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                String version = pom.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException ignored) {
            // fall through: a missing version must not stop a report
        }
        return "development build";
    }
}
