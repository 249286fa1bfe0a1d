package dev.cascadestudio.bench;

import dev.cascadestudio.persistence.AppDirectories;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.persistence.demo.DataGenerator;
import dev.cascadestudio.testsupport.DatabaseFingerprint;
import dev.cascadestudio.testsupport.EngineDatabases;
import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * A generated controller-layout database on SQLite, PostgreSQL or MariaDB, made once from the controller's own DDL
 * (or an embedded H2 file with the mapping's schema), and fresh copies of it for each repetition of a benchmark that
 * changes it (BigDeleteBenchmark, UndoBenchmark). Every server database made here is dropped on close.
 */
final class ControllerCopies {

    private ControllerCopies() {}

    /** The generated source of {@code product} (SQLITE, H2, POSTGRESQL or MARIADB); files go under {@code workDir}. */
    static Fixture fixture(String product, Path workDir) {
        return switch (product.trim()) {
            case "SQLITE" -> new FileFixture(workDir, "sqlite", "sql.db", EngineDatabases::controllerSqlite,
                    dir -> "jdbc:sqlite:" + dir.resolve("sql.db"), "SQLite file from controller_sqlite.sql (no foreign keys enforced, no ANALYZE)");
            case "H2" -> new FileFixture(workDir, "h2", "cascade.mv.db", EngineDatabases::h2,
                    dir -> AppDirectories.h2Url(dir.resolve("cascade")),
                    "embedded H2 file with the mapping's schema (foreign keys enforced), compacted after it was filled");
            case "POSTGRESQL" -> new PostgreSqlFixture();
            case "MARIADB" -> new MariaDbFixture();
            default -> throw new IllegalArgumentException("unknown product " + product);
        };
    }

    /** A fresh copy of the generated data, dropped or deleted on close. */
    interface Copy extends AutoCloseable {
        String url();

        String user();

        default boolean mariaDb() {
            return url().startsWith("jdbc:mariadb:");
        }

        default Database open() {
            return Database.open(url(), user(), null, Database.EmptyDatabase.REFUSE);
        }

        @Override
        void close();
    }

    /** The generated source database of one product, and fresh copies of it. */
    abstract static class Fixture implements AutoCloseable {
        String bigProject;
        long rowsBefore;

        abstract Database create() throws Exception;

        abstract Copy copy() throws Exception;

        abstract String describe();

        void generate(long totalRows, long bigProjectRows) throws Exception {
            try (Database database = create()) {
                bigProject = DataGenerator.generate(database, totalRows, bigProjectRows).bigProjectUid();
                rowsBefore = DatabaseFingerprint.of(database).totalRows();
            }
        }

        @Override
        public void close() {}
    }

    /**
     * An embedded database in one file ({@code file}), generated in a folder of its own and copied into another for each
     * copy. The H2 file is compacted once it is filled (H2 leaves it about 25 times its data's size; SQLite's is not
     * touched).
     */
    static final class FileFixture extends Fixture {
        private final Path workDir;
        private final String kind;
        private final String file;
        private final Function<Path, Database> create;
        private final Function<Path, String> url;
        private final String description;
        private final Path source;
        private int copies;

        FileFixture(Path workDir, String kind, String file, Function<Path, Database> create, Function<Path, String> url,
                    String description) {
            this.workDir = workDir;
            this.kind = kind;
            this.file = file;
            this.create = create;
            this.url = url;
            this.description = description;
            this.source = workDir.resolve(kind + "-source");
        }

        @Override
        Database create() throws IOException {
            BenchFigures.deleteTree(source);
            Files.createDirectories(source);
            return create.apply(source);
        }

        @Override
        void generate(long totalRows, long bigProjectRows) throws Exception {
            super.generate(totalRows, bigProjectRows);
            Database.compactH2(url.apply(source)); // nothing for another URL than H2's
        }

        @Override
        Copy copy() throws IOException {
            Path dir = workDir.resolve(kind + "-copy-" + copies++);
            BenchFigures.deleteTree(dir);
            Files.createDirectories(dir);
            Files.copy(source.resolve(file), dir.resolve(file));
            return new Copy() {
                public String url() { return url.apply(dir); }
                public String user() { return null; }
                public void close() { deleteTree(dir); }
            };
        }

        @Override
        String describe() {
            return description;
        }

        @Override
        public void close() {
            deleteTree(source);
        }

        private static void deleteTree(Path dir) {
            try {
                BenchFigures.deleteTree(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A controller's database on a server, made from the product's controller DDL; dropped on close. */
    abstract static class ServerFixture extends Fixture {
        private final Server server;
        private final String collation;
        private final String ddl;
        ServerDatabases.Created source;

        ServerFixture(Server server, String collation, String ddl) {
            this.server = server;
            this.collation = collation;
            this.ddl = ddl;
        }

        @Override
        Database create() {
            source = ServerDatabases.create(server, collation);
            ServerDatabases.run(source, resource(ddl));
            return Database.open(source.url(), server.user(), null, Database.EmptyDatabase.REFUSE);
        }

        @Override
        public void close() {
            if (source != null) {
                source.close();
            }
        }
    }

    /**
     * A controller's PostgreSQL database (no foreign keys), not analysed, as right after a load: the planner
     * then has no statistics, where a shape it cannot estimate goes worst. Copies made with CREATE DATABASE ... TEMPLATE.
     */
    static final class PostgreSqlFixture extends ServerFixture {
        PostgreSqlFixture() {
            super(Server.POSTGRESQL, null, "/controller_postgresql.sql");
        }

        @Override
        Copy copy() {
            return serverCopy(ServerDatabases.copyOf(source));
        }

        @Override
        String describe() {
            return "PostgreSQL database from controller_postgresql.sql (no foreign keys), not analysed: as just after a load "
                    + "(this server runs without autovacuum), the case issue 11 reports; copies by CREATE DATABASE ... TEMPLATE";
        }
    }

    /**
     * A controller's MariaDB database (controller_mariadb.sql, InnoDB foreign keys enforced,
     * utf8mb4_nopad_bin); copies are new databases from the same DDL filled by INSERT ... SELECT.
     */
    static final class MariaDbFixture extends ServerFixture {
        MariaDbFixture() {
            super(Server.MARIADB, EngineDatabases.NOPAD_BIN, "/controller_mariadb.sql");
        }

        @Override
        Copy copy() throws SQLException {
            ServerDatabases.Created created = ServerDatabases.create(Server.MARIADB, EngineDatabases.NOPAD_BIN);
            try {
                ServerDatabases.run(created, resource("/controller_mariadb.sql"));
                try (Connection c = DriverManager.getConnection(created.url(), Server.MARIADB.user(), null);
                     Statement s = c.createStatement()) {
                    s.execute("SET foreign_key_checks = 0");
                    for (TableInfo table : MappedTables.all()) {
                        s.execute("INSERT INTO `" + created.name() + "`.`" + table.name() + "` SELECT * FROM `"
                                + source.name() + "`.`" + table.name() + "`");
                    }
                    for (TableInfo table : MappedTables.all()) {
                        s.execute("ANALYZE TABLE `" + table.name() + "`");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                created.close();
                throw e;
            }
            return serverCopy(created);
        }

        @Override
        String describe() {
            return "MariaDB database from controller_mariadb.sql (InnoDB foreign keys enforced, utf8mb4_nopad_bin), "
                    + "ANALYZE TABLE on each copy";
        }
    }

    private static Copy serverCopy(ServerDatabases.Created created) {
        return new Copy() {
            public String url() { return created.url(); }
            public String user() { return created.server().user(); }
            public void close() { created.close(); }
        };
    }

    private static String resource(String name) {
        try (var in = ControllerCopies.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
