package dev.cascadestudio.persistence;

import java.sql.SQLException;
import java.util.Locale;

/** Turns a driver's failure to connect into one sentence an administrator can act on. */
final class OpenErrors {

    private OpenErrors() {}

    static DatabaseOpenException explain(String url, DatabaseKind kind, SQLException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        int code = e.getErrorCode();
        String explanation;
        if (kind == DatabaseKind.H2 && (code == 90020 || lower.contains("already in use"))) {
            explanation = "The database is already open in another Cascade Studio window or program. "
                    + "Close it there and try again.";
        } else if (kind == DatabaseKind.H2 && (code == 90030 || code == 90048 || lower.contains("corrupt")
                || lower.contains("unsupported file format"))) {
            explanation = "The database file is damaged or not an H2 database.";
        } else if (kind == DatabaseKind.H2 && code == H2_READ_ONLY && H2Url.fileOrNull(url) == null) {
            // jdbc:h2:mem:x opened read-only: H2 cannot create the (always new, always empty) database in that mode
            explanation = "An in-memory database starts empty and ends with the program that opened it, so there is nothing"
                    + " to read; give the database's file instead (jdbc:h2:file:PATH).";
        } else if (lower.contains("unknown database") || (lower.contains("database \"") && lower.contains("does not exist"))) {
            // MariaDB/MySQL 1049 "Unknown database 'x'"; PostgreSQL 3D000 'database "x" does not exist'
            explanation = "The server has no database of that name (check the name after the last / in the URL).";
        } else if (kind == DatabaseKind.SQLITE && (lower.contains("not a database") || lower.contains("malformed"))) {
            explanation = "The file is not a SQLite database, or it is damaged.";
        } else if (kind == DatabaseKind.SQLITE && (lower.contains("locked") || lower.contains("busy"))) {
            explanation = "The SQLite file is locked by another program. Try again when it is idle.";
        } else if (lower.contains("connection refused") || lower.contains("could not connect")
                || lower.contains("socket fail") || lower.contains("connect to address")) {
            explanation = "No database server answers at this address.";
        } else if (lower.contains("password") || lower.contains("access denied") || lower.contains("authentication")) {
            explanation = "The database refused the user name or password.";
        } else {
            explanation = firstLine(message);
        }
        return new DatabaseOpenException("Cannot open " + url + ": " + explanation, e);
    }

    /** H2's "The database is read only" (ErrorCode.DATABASE_IS_READ_ONLY). */
    private static final int H2_READ_ONLY = 90097;

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
