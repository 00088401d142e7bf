package cn.jxquality.platform.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedStatementTest {

    private static final NamedStatement STATEMENT = NamedStatement.of(
            "INSERT INTO t (a, b, c) SELECT #{a}, #{b}::varchar, coalesce(#{c}, #{a}) WHERE #{b}::varchar IS NULL");

    @Test
    void aNameUsedTwiceIsOneParameter() {
        assertEquals(
                "INSERT INTO t (a, b, c) SELECT $1, $2::varchar, coalesce($3, $1) WHERE $2::varchar IS NULL",
                STATEMENT.sql());
        assertEquals(List.of("a", "b", "c"), STATEMENT.names());
    }

    @Test
    void valuesGoInPlaceholderOrderNullsIncluded() {
        Map<String, Object> values = new HashMap<>();
        values.put("c", 3);
        values.put("b", null);
        values.put("a", "one");
        var tuple = STATEMENT.tuple(values);
        assertEquals(3, tuple.size());
        assertEquals("one", tuple.getValue(0));
        assertNull(tuple.getValue(1));
        assertEquals(3, tuple.getValue(2));
    }

    @Test
    void aMissingOrUnknownNameFailsAtOnce() {
        var missing = assertThrows(IllegalArgumentException.class, () -> STATEMENT.tuple(Map.of("a", 1, "b", 2)));
        assertEquals("no value for #{c}", missing.getMessage());
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> STATEMENT.tuple(Map.of("a", 1, "b", 2, "c", 3, "d", 4)));
        assertEquals("the statement has no parameter [d]", unknown.getMessage());
    }
}
