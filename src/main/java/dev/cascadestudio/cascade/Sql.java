package dev.cascadestudio.cascade;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with its parameters in order, composable without string-splicing values. */
record Sql(String text, List<Object> params) {

    Sql {
        params = List.copyOf(params);
    }

    static Sql of(String text, Object... params) {
        return new Sql(text, List.of(params));
    }

    Sql append(String more) {
        return new Sql(text + more, params);
    }

    Sql append(Sql more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(more.params);
        return new Sql(text + more.text, all);
    }

    static Sql join(String separator, List<Sql> parts) {
        Sql result = of("");
        for (int i = 0; i < parts.size(); i++) {
            result = result.append(i == 0 ? "" : separator).append(parts.get(i));
        }
        return result;
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            ps.setObject(i + 1, value instanceof KeyList keys ? keys.bound() : value);
        }
    }

    /** The statement with its parameters written in, for showing to a person (never executed). */
    String inline() {
        StringBuilder out = new StringBuilder();
        int p = 0;
        for (char c : text.toCharArray()) {
            if (c == '?' && p < params.size()) {
                Object v = params.get(p++);
                out.append(v instanceof KeyList keys ? keys.literal() : literal(v));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A value as an SQL literal: a number as it is, anything else as a quoted string. */
    static String literal(Object v) {
        return v instanceof Number ? v.toString() : "'" + String.valueOf(v).replace("'", "''") + "'";
    }
}
