package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases for engine tests: Cascade Studio's own H2 schema, or a controller's SQLite file. */
public final class EngineDatabases {

    public enum Kind { H2, SQLITE }

    private EngineDatabases() {}

    public static Database open(Kind kind, Path dir) {
        return kind == Kind.H2 ? h2(dir) : controllerSqlite(dir);
    }

    public static Database h2(Path dir) {
        return Database.open(AppDirectories.h2Url(dir.resolve("cascade")), null, null, Database.EmptyDatabase.CREATE_SCHEMA);
    }

    /** A SQLite file made with the exact DDL a controller runs (foreign keys not enforced), opened as-is. */
    public static Database controllerSqlite(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("sql.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : controllerDdl().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.open(url, null, null, Database.EmptyDatabase.REFUSE);
    }

    static String controllerDdl() {
        try (InputStream in = EngineDatabases.class.getResourceAsStream("/controller_sqlite.sql")) {
            String ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ddl.replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
