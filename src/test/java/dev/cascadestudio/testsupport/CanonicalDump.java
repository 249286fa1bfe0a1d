package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.function.Consumer;

/** Every row of every mapped table, all columns, in key order: equal dumps mean equal databases. */
public final class CanonicalDump {

    private CanonicalDump() {}

    public static String of(Database database) {
        StringBuilder out = new StringBuilder();
        write(database, out::append);
        return out.toString();
    }

    /**
     * The SHA-256 (hex) of the UTF-8 text {@link #of} returns, computed line by line, so a database of
     * hundreds of thousands of rows can be compared without holding its dump in memory.
     */
    public static String sha256(Database database) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        write(database, text -> digest.update(text.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void write(Database database, Consumer<String> out) {
        SqlValues values = new SqlValues(database.kind());
        database.fromConnection(c -> {
            for (TableInfo table : MappedTables.all()) {
                out.accept("## " + table.name() + "\n");
                String cols = String.join(", ", table.columns().stream().map(col -> database.sqlNames().quote(col.name())).toList());
                String order = String.join(", ", table.keyColumns().stream().map(database.sqlNames()::quote).toList());
                try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + database.sqlNames().quote(table.name())
                        + " ORDER BY " + order)) {
                    ps.setFetchSize(2000);
                    try (ResultSet rs = ps.executeQuery()) {
                        StringBuilder line = new StringBuilder();
                        while (rs.next()) {
                            line.setLength(0);
                            for (int i = 0; i < table.columns().size(); i++) {
                                line.append(i == 0 ? "" : " | ").append(values.read(rs, i + 1, table.columns().get(i).kind()));
                            }
                            out.accept(line.append('\n').toString());
                        }
                    }
                }
            }
            return null;
        });
    }
}
