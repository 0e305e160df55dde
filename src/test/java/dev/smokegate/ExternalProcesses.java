package dev.smokegate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The test (or every test of the class) starts a program that {@code scripts/setup} installs: Postgres, Redis,
 * nginx, Node (the Socket.IO replicas), Chromium (with chromedriver and certutil, locally or on a Selenium Grid),
 * {@code openssl} or the npm Allure report tool, directly or through the reference deployment.
 * {@code scripts/test --fast} leaves these tests out ({@code -DexcludedGroups=external}), so
 * that lane runs on a machine with nothing but a JDK and Maven. Put it on the one test that needs a program rather
 * than on a class whose other tests need none. A test that only runs {@code /bin/sh} and its basic commands needs
 * no tag: every machine has those.
 */
@Tag("external")
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ExternalProcesses {
}
