package dev.smokegate.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code database.migrations}: where the app's migration tool records what it applied, and the newest migration the
 * deployed code expects ({@code expected}, a literal or {@code ${EXPECTED_MIGRATION}}).
 *
 * @param query a query whose first row's first column is the newest applied migration
 */
public record MigrationSettings(String query, ConfigValue expected) {

    /** The migration tools of Node and Rails apps, each with the table it records into and how to read the newest. */
    enum Tool {
        NODE_PG_MIGRATE("node-pg-migrate", "pgmigrations", "SELECT name FROM %s ORDER BY run_on DESC, id DESC LIMIT 1"),
        PRISMA("prisma", "_prisma_migrations", "SELECT migration_name FROM %s WHERE finished_at IS NOT NULL "
                + "AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1"),
        KNEX("knex", "knex_migrations", "SELECT name FROM %s ORDER BY id DESC LIMIT 1"),
        TYPEORM("typeorm", "migrations", "SELECT name FROM %s ORDER BY timestamp DESC, id DESC LIMIT 1"),
        RAILS("rails", "schema_migrations", "SELECT version FROM %s ORDER BY version DESC LIMIT 1");

        private final String configName;
        private final String table;
        private final String query;

        Tool(String configName, String table, String query) {
            this.configName = configName;
            this.table = table;
            this.query = query;
        }

        String query(Optional<String> table) {
            return String.format(Locale.ROOT, query, table.orElse(this.table));
        }

        static Optional<Tool> named(String name) {
            for (Tool tool : values()) {
                if (tool.configName.equals(name.trim())) {
                    return Optional.of(tool);
                }
            }
            return Optional.empty();
        }
    }

    /** An unquoted SQL name, optionally schema-qualified: what {@code table} and the critical tables accept. */
    static final Pattern TABLE_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*\\.)?[A-Za-z_][A-Za-z0-9_$]*");
    static final String TABLE_EXPECTATION = "a table name such as users or public.users (letters, digits, _ and $)";

    static Optional<MigrationSettings> read(YamlNode migrations) {
        Optional<Tool> tool = migrations.parsed("tool", Tool::named,
                "expected node-pg-migrate, prisma, knex, typeorm or rails");
        Optional<String> table = migrations.parsed("table", t -> Optional.of(t.trim())
                .filter(n -> TABLE_NAME.matcher(n).matches()), "expected " + TABLE_EXPECTATION);
        Optional<String> query = migrations.string("query").map(String::trim).filter(q -> !q.isEmpty());
        Optional<ConfigValue> expected = migrations.expanded("expected");
        if (expected.isEmpty()) {
            migrations.problem(migrations.key("expected"), "required key is missing (the newest migration the "
                    + "deployed code expects, or ${EXPECTED_MIGRATION})");
        }
        if (query.isPresent() && (tool.isPresent() || table.isPresent())) {
            migrations.problem(migrations.key("query"), "give either query or tool/table, not both");
        }
        return expected.map(e -> new MigrationSettings(
                query.orElseGet(() -> tool.orElse(Tool.NODE_PG_MIGRATE).query(table)), e));
    }
}
