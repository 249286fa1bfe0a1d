package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a session holding a lock is told: every part the server gave, one line, a statement cut to 120 characters. */
class LockWatchTest {

    @Test
    void aHolderIsToldWithWhatTheServerShows() {
        assertThat(LockWatch.describe(4242, "controller", "10.0.0.5", "mlrun-api", 190L, "idle in transaction",
                "UPDATE run\n   SET state = 'done'\tWHERE uid = 'r1'"))
                .isEqualTo("connection 4242 (user controller from 10.0.0.5, mlrun-api; in a transaction for 3 min 10 s,"
                        + " idle in transaction; its latest statement: UPDATE run SET state = 'done' WHERE uid = 'r1')");
    }

    @Test
    void whatTheServerKeepsFromThisUserIsLeftOut() {
        assertThat(LockWatch.describe(7, "root", null, null, null, null, "<insufficient privilege>"))
                .isEqualTo("connection 7 (user root)");
        assertThat(LockWatch.describe(7, null, null, "", null, null, null)).isEqualTo("connection 7");
        assertThat(LockWatch.describe(7, null, "localhost:51234", null, 0L, "idle", null))
                .isEqualTo("connection 7 (from localhost:51234; in a transaction for 0 s, idle)");
    }

    @Test
    void aLongStatementIsCutAndControlCharactersCannotReachTheTerminal() {
        String statement = "SELECT '\u001b[2J' || " + "x".repeat(300);
        String told = LockWatch.describe(1, null, null, null, 7_500L, null, statement);
        String shown = told.substring(told.indexOf("its latest statement: ") + "its latest statement: ".length(), told.length() - 1);
        assertThat(shown).hasSize(120).endsWith("…").startsWith("SELECT ' [2J' || xxx").doesNotContain("\u001b");
        assertThat(told).contains("in a transaction for 2 h 5 min;");
    }
}
