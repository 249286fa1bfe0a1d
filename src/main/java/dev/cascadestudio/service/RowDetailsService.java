package dev.cascadestudio.service;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.SqlValues;
import dev.cascadestudio.persistence.TableInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one row with all of its columns and labels, for the details pane. */
public final class RowDetailsService {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Database database;
    private final SqlValues values;

    public RowDetailsService(Database database) {
        this.database = database;
        this.values = new SqlValues(database.kind());
    }

    /** The row as it is now; empty if it no longer exists. */
    public Optional<RowDetails> details(RowRef row) {
        return database.fromConnection(c -> read(c, row, false));
    }

    /**
     * Reads the row on {@code c} (inside the caller's transaction); with {@code lock}, the row is read
     * FOR UPDATE where the database supports it, so it cannot change before the transaction ends.
     */
    Optional<RowDetails> read(java.sql.Connection c, RowRef row, boolean lock) throws java.sql.SQLException {
        TableInfo table = MappedTables.get(row.table());
        SqlNames n = database.sqlNames();
        List<TableInfo.Column> columns = table.columns();
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(n.quote(columns.get(i).name()));
        }
        select.append(" FROM ").append(n.quote(table.name())).append(" WHERE ").append(n.quote("uid")).append(" = ?");
        if (table.versioned()) {
            select.append(" AND ").append(n.quote("version")).append(" = ?");
        }
        if (lock) {
            select.append(n.dialect().getForUpdateString());
        }
        String labels = "SELECT " + n.quote("name") + ", " + n.quote("value") + " FROM " + n.quote(table.name() + "_labels")
                + " WHERE " + n.quote("parent") + " = ? ORDER BY " + n.quote("name") + ", " + n.quote("value");
        List<RowDetails.Field> fields = new ArrayList<>();
        String name;
        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            ps.setString(1, row.uid());
            if (table.versioned()) {
                ps.setString(2, row.version() == null ? "" : row.version());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                for (int i = 0; i < columns.size(); i++) {
                    TableInfo.Column column = columns.get(i);
                    Object value = values.read(rs, i + 1, column.kind());
                    fields.add(new RowDetails.Field(column.name(), RowDetails.Kind.valueOf(column.kind().name()), text(value)));
                }
            }
        }
        name = fields.stream().filter(f -> f.column().equals("name")).findFirst().orElseThrow().text();
        List<RowDetails.Label> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(labels)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new RowDetails.Label(rs.getString(1), rs.getString(2)));
                }
            }
        }
        RowRef current = new RowRef(row.table(), row.uid(), table.versioned() ? row.version() : null, name);
        return Optional.of(new RowDetails(current, List.copyOf(fields), List.copyOf(found)));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime time) {
            return (time.getNano() == 0 ? SECONDS : MICROS).format(time);
        }
        return value.toString();
    }
}
