package dev.smokegate.check.redis;

import dev.smokegate.check.Check;
import java.util.List;

/** The redis.* checks that reach Redis directly, in report order. */
public final class RedisChecks {

    private RedisChecks() {
    }

    public static List<Check<?>> all() {
        return List.of();
    }
}
