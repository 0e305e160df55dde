package dev.smokegate.config;

import java.util.OptionalLong;

/**
 * A table the app cannot work without ({@code database.critical-tables}): a name as SQL reads it unquoted, optionally
 * schema-qualified ({@code public.users}), and the fewest rows it must hold, if any.
 */
public record CriticalTable(String name, OptionalLong minimumRows) {
}
