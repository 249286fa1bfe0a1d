package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;

/** Controller databases whose schema differs from the mapping in a way that makes writing unsafe, but not reading. */
public final class OddSchemas {

    /** What {@code DatabaseSession.schemaDiffers()} names for {@link #sqliteWithUnknownRequiredColumn}. */
    public static final String UNKNOWN_REQUIRED_COLUMN = "schedule.cost_centre is required (NOT NULL, no default) but not part"
            + " of the controller's schema, so a new or restored row could not be written";

    private OddSchemas() {}

    /**
     * The controller's SQLite file {@code dir/sql.db} with the demo data and one more column in
     * {@code schedule}, {@code cost_centre VARCHAR(32) NOT NULL} without a default (a row Cascade
     * Studio inserts or restores there could not be written). Returns its URL; the file is closed.
     */
    public static String sqliteWithUnknownRequiredColumn(Path dir) {
        try (Database sqlite = EngineDatabases.controllerSqlite(dir)) {
            DemoData.load(sqlite);
            String ddl;
            try (var in = OddSchemas.class.getResourceAsStream("/controller_sqlite.sql")) {
                ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int start = ddl.indexOf("CREATE TABLE schedule (");
            String schedule = ddl.substring(start, ddl.indexOf(");", start) + 1)
                    .replace("CREATE TABLE schedule (", "CREATE TABLE schedule (cost_centre VARCHAR(32) NOT NULL, ");
            sqlite.fromConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE schedule");
                    s.execute(schedule);
                }
                return null;
            });
            return sqlite.url();
        }
    }
}
