package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Catalogue;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's check table is the front door's promise: it lists exactly the catalogue, in catalogue order. */
class ReadmeCatalogueTest {

    /** A row of the table: {@code | `id` | severity | suites | requirement |}. */
    private static final Pattern ROW = Pattern.compile("\\| `([a-z0-9.-]+)` \\| ([a-z]+) \\| ([a-z, ]+) \\| .+ \\|");

    @Test
    void checkTableListsEveryCheckWithItsSeverityAndSuitesInCatalogueOrder() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("README.md")).stream()
                .map(ROW::matcher).filter(Matcher::matches)
                .map(row -> row.group(1) + " " + row.group(2) + " " + row.group(3))
                .toList();

        assertThat(documented).containsExactlyElementsOf(Catalogue.all().stream()
                .map(check -> describe(check.spec())).toList());
    }

    /** {@code http.health.ok critical gate, nightly, full}, as the table writes it. */
    private static String describe(CheckSpec spec) {
        String suites = spec.suites().stream().sorted().map(Suite::label).collect(Collectors.joining(", "));
        return spec.id() + " " + spec.severity().name().toLowerCase(Locale.ROOT) + " " + suites;
    }
}
