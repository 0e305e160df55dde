package dev.smokegate.probe.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The user objects of a scratch database, by kind, as the drill finds them before it writes and after it is done:
 * what is there afterwards and was not there before is what the drill created, and only that is dropped. pg_restore
 * and the usual migrations create schemas, extensions, tables, views, sequences, functions and types; those are the
 * kinds compared. Anything of another kind left behind would make the next drill refuse, loudly, rather than be
 * dropped here by guesswork.
 */
final class ScratchCatalog {

    /** Schemas of the system, never the drill's: pg_catalog, information_schema, pg_toast and the temp schemas. */
    private static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    /** Extension members come and go with their extension. */
    private static final String NOT_IN_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid"
            + " AND d.deptype = 'e')";

    /** One object: its kind ({@code schema}, {@code table}, ...), what DROP it takes, and its catalogue identity. */
    record CatalogObject(String kind, String drop, String name, long oid) {
    }

    private final Set<CatalogObject> objects;

    private ScratchCatalog(Set<CatalogObject> objects) {
        this.objects = objects;
    }

    static ScratchCatalog read(Connection scratch) throws SQLException {
        Set<CatalogObject> objects = new LinkedHashSet<>();
        try (Statement statement = scratch.createStatement()) {
            collect(statement, "extension", "EXTENSION", "SELECT e.oid, quote_ident(e.extname) FROM pg_extension e",
                    objects);
            collect(statement, "schema", "SCHEMA", "SELECT n.oid, quote_ident(n.nspname) FROM pg_namespace n WHERE "
                    + USER_SCHEMA + " AND n.nspname <> 'public'", objects);
            collect(statement, "relation", null, "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                    + ", c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                    + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')" + NOT_IN_EXTENSION, objects);
            collect(statement, "routine", null, "SELECT p.oid, p.oid::regprocedure::text, p.prokind FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA
                    + NOT_IN_EXTENSION.replace("c.oid", "p.oid"), objects);
            collect(statement, "type", null, "SELECT t.oid, quote_ident(n.nspname) || '.' || quote_ident(t.typname), "
                    + "t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_SCHEMA
                    + " AND t.typtype IN ('e', 'd', 'r', 'c') AND (t.typrelid = 0 OR (SELECT relkind FROM "
                    + "pg_class WHERE oid = t.typrelid) = 'c')" + NOT_IN_EXTENSION.replace("c.oid", "t.oid"), objects);
        }
        return new ScratchCatalog(objects);
    }

    /** Tables, views and sequences: a scratch that holds any was filled by someone else (or a drill that died). */
    List<String> relations() {
        return objects.stream().filter(o -> o.kind().equals("relation")).map(CatalogObject::name).toList();
    }

    /** The ordinary and partitioned tables, {@code [schema, name]}: after the restore, the tables of the dump. */
    static List<String[]> tables(Connection scratch) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement statement = scratch.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
                     + " ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + " AND c.relkind IN ('r', 'p') ORDER BY 1, 2")) {
            while (rows.next()) {
                tables.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return tables;
    }

    /**
     * Drops, in one transaction, everything in {@code now} that is not in this (the catalogue before the drill):
     * extensions and schemas first (with what is in them), then tables (with their indexes, sequences and
     * dependent views), the remaining relations, routines and types.
     *
     * @return how many objects were dropped
     */
    int dropCreatedSince(Connection scratch) throws SQLException {
        ScratchCatalog now = read(scratch);
        List<CatalogObject> created = now.objects.stream().filter(o -> !objects.contains(o)).toList();
        List<String> drops = new ArrayList<>();
        for (String kind : List.of("extension", "schema", "relation", "routine", "type")) {
            created.stream().filter(o -> o.kind().equals(kind))
                    .sorted((a, b) -> Boolean.compare(!a.drop().equals("TABLE"), !b.drop().equals("TABLE")))
                    .forEach(o -> drops.add("DROP " + o.drop() + " IF EXISTS " + o.name() + " CASCADE"));
        }
        if (drops.isEmpty()) {
            return 0;
        }
        boolean autoCommit = scratch.getAutoCommit();
        scratch.setAutoCommit(false);
        try (Statement statement = scratch.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
            scratch.commit();
        } catch (SQLException e) {
            scratch.rollback();
            throw e;
        } finally {
            scratch.setAutoCommit(autoCommit);
        }
        return drops.size();
    }

    /** What {@code scratch} holds now that this catalogue did not: empty when the drill left nothing behind. */
    List<String> leftOverIn(Connection scratch) throws SQLException {
        return read(scratch).objects.stream().filter(o -> !objects.contains(o))
                .map(o -> o.kind() + " " + o.name()).toList();
    }

    private static void collect(Statement statement, String kind, String drop, String sql, Set<CatalogObject> into)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String name = rows.getString(2);
                String dropAs = drop != null ? drop : switch (kind) {
                    case "relation" -> switch (rows.getString(3)) {
                        case "r", "p" -> "TABLE";
                        case "v" -> "VIEW";
                        case "m" -> "MATERIALIZED VIEW";
                        case "f" -> "FOREIGN TABLE";
                        default -> "SEQUENCE";
                    };
                    case "routine" -> rows.getString(3).equals("a") ? "AGGREGATE" : "ROUTINE";
                    default -> rows.getString(3).equals("d") ? "DOMAIN" : "TYPE";
                };
                into.add(new CatalogObject(kind, dropAs, name, rows.getLong(1)));
            }
        }
    }
}
