package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a database holds, small enough to compare and print: the row count of every mapped table and
 * the SHA-256 of its {@link CanonicalDump}. Equal fingerprints mean equal contents.
 */
public record DatabaseFingerprint(Map<String, Long> rowCounts, String dumpSha256) {

    public DatabaseFingerprint {
        rowCounts = Map.copyOf(rowCounts);
    }

    public static DatabaseFingerprint of(Database database) {
        Map<String, Long> counts = database.fromConnection(c -> {
            Map<String, Long> result = new TreeMap<>();
            for (TableInfo table : MappedTables.all()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + database.sqlNames().quote(table.name()));
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    result.put(table.name(), rs.getLong(1));
                }
            }
            return result;
        });
        return new DatabaseFingerprint(counts, CanonicalDump.sha256(database));
    }

    /** Opens the H2 file (path without {@code .mv.db}), fingerprints it and closes it again. */
    public static DatabaseFingerprint ofH2File(Path fileWithoutSuffix) {
        try (Database database = Database.open(AppDirectories.h2Url(fileWithoutSuffix), null, null,
                Database.EmptyDatabase.REFUSE)) {
            return of(database);
        }
    }

    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return String.format("%,d rows, dump %s", totalRows(), dumpSha256.substring(0, 12));
    }
}
