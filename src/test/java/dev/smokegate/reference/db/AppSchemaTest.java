package dev.smokegate.reference.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AppSchemaTest {

    private static final Path RESOURCES = Path.of("src/main/resources/dev/smokegate/reference/db/migrations");

    @Test
    void migrationListNamesEveryMigrationFileOldestFirst() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES)) {
            assertThat(AppSchema.MIGRATIONS).containsExactlyElementsOf(
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertThat(AppSchema.MIGRATIONS.get(AppSchema.MIGRATIONS.size() - 1))
                .isEqualTo(AppSchema.LATEST_MIGRATION + ".sql");
    }
}
