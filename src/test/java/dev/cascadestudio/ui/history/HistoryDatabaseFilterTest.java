package dev.cascadestudio.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.service.AuditLog;
import dev.cascadestudio.service.AuditRecord;
import dev.cascadestudio.service.HistoryService;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The History window's database choice: with records of two databases in the audit log, the open
 * database's are listed first, choosing the other lists only that one's, newest first, and "All
 * databases" lists every record. Driven on the view model the window's combo box is bound to.
 */
class HistoryDatabaseFilterTest {

    private static final String FACTORY = "jdbc:sqlite:/srv/factory/sql.db";
    private static final String STAGING = "jdbc:postgresql://staging.example/controller";

    @TempDir Path dir;

    private static AuditRecord record(String time, String database, String action, String reason) {
        return new AuditRecord(time, "admin", database, action,
                List.of(new AuditRecord.Row("project", "uid-" + reason, null, reason)),
                Map.of("project", Map.of(AuditRecord.DELETE.equals(action) ? "deleted" : "updated", 1L)),
                AuditRecord.EDIT.equals(action) ? List.of("name") : null,
                AuditRecord.DELETE.equals(action) ? "/snapshots/" + reason + ".jsonl" : null, reason);
    }

    @Test
    void choosingADatabaseListsOnlyItsRecords() {
        AuditLog log = new AuditLog(dir.resolve(AuditLog.FILE_NAME));
        log.append(record("2026-11-01T09:00:00Z", FACTORY, AuditRecord.DELETE, "factory 1"));
        log.append(record("2026-11-02T09:00:00Z", STAGING, AuditRecord.DELETE, "staging 1"));
        log.append(record("2026-11-03T09:00:00Z", FACTORY, AuditRecord.EDIT, "factory 2"));
        log.append(record("2026-11-04T09:00:00Z", STAGING, AuditRecord.EDIT, "staging 2"));
        log.append(record("2026-11-05T09:00:00Z", FACTORY, AuditRecord.DELETE, "factory 3"));

        HistoryViewModel history = new HistoryViewModel(new HistoryService(log), null, FACTORY,
                new CurrentThreadTaskExecutor(), () -> { });
        history.reload();

        assertThat(history.databaseProperty().get()).as("the open database is chosen first").isEqualTo(FACTORY);
        assertThat(history.databases()).containsExactly(HistoryViewModel.ALL_DATABASES, FACTORY, STAGING);
        assertThat(reasons(history)).containsExactly("factory 3", "factory 2", "factory 1");

        history.databaseProperty().set(STAGING);
        assertThat(reasons(history)).containsExactly("staging 2", "staging 1");
        assertThat(history.rows()).extracting(row -> row.record().database()).containsOnly(STAGING);

        history.databaseProperty().set(HistoryViewModel.ALL_DATABASES);
        assertThat(reasons(history)).containsExactly("factory 3", "staging 2", "factory 2", "staging 1", "factory 1");
    }

    private static List<String> reasons(HistoryViewModel history) {
        return history.rows().stream().map(HistoryRow::reason).toList();
    }
}
