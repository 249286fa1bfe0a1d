package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connections of an open database: how many, in which state, and what closing the database does to them. */
class ConnectionPoolTest {

    @TempDir
    Path dir;

    private ConnectionPool sqlitePool(int size, List<Connection> prepared) {
        return new ConnectionPool("jdbc:sqlite:" + dir.resolve("pool.db"), new Properties(), size, prepared::add);
    }

    @Test
    void aConnectionIsPreparedOnceAndLentAgainOutsideAutoCommit() throws SQLException {
        List<Connection> prepared = new ArrayList<>();
        ConnectionPool pool = sqlitePool(1, prepared);
        Connection first = pool.borrow();
        assertThat(first.getAutoCommit()).as("work runs in a transaction").isFalse();
        first.setAutoCommit(true); // work that changed it does not hand it on so
        pool.giveBack(first);
        Connection again = pool.borrow();
        assertThat(again).isSameAs(first);
        assertThat(again.getAutoCommit()).isFalse();
        assertThat(prepared).as("the read-only enforcement (here: a recorder) runs on each new connection, once").containsExactly(first);
        pool.giveBack(again);
        pool.close();
    }

    @Test
    void pastItsSizeABorrowIsRefusedWithTheReasonNotWaitedFor() throws SQLException {
        ConnectionPool pool = sqlitePool(1, new ArrayList<>());
        Connection lent = pool.borrow();
        assertThatThrownBy(pool::borrow).isInstanceOf(SQLException.class)
                .hasMessage("All 1 connections to this database are in use.");
        pool.giveBack(lent);
        assertThat(pool.borrow()).as("given back, it is there again").isSameAs(lent);
        pool.close();
    }

    /** The lock watch's look takes a connection only while one more stays free for the work it watches, and the window's. */
    @Test
    void workOnTheSideGetsAConnectionOnlyWhereAnotherStaysFree() throws SQLException {
        ConnectionPool pool = sqlitePool(4, new ArrayList<>());
        Connection a = pool.borrow();
        Connection b = pool.borrow();
        Connection side = pool.borrowSpare();
        assertThat(side).as("two of four lent: one for the side, one left").isNotNull();
        assertThat(pool.borrowSpare()).as("three lent: the last is kept for real work").isNull();
        Connection c = pool.borrow();
        assertThat(c).as("which a real borrow then gets").isNotNull();
        pool.giveBack(side);
        assertThat(pool.borrowSpare()).as("three lent, one idle: still the last").isNull();
        pool.giveBack(c);
        Connection again = pool.borrowSpare();
        assertThat(again).as("two idle: the side gets one of them").isIn(side, c);
        pool.giveBack(again);
        pool.giveBack(a);
        pool.giveBack(b);
        pool.close();
        assertThat(pool.borrowSpare()).as("closed: none, and no failure on the side").isNull();
    }

    @Test
    void aConnectionClosedMeanwhileIsReplacedByANewOne() throws SQLException {
        List<Connection> prepared = new ArrayList<>();
        ConnectionPool pool = sqlitePool(1, prepared);
        Connection first = pool.borrow();
        pool.giveBack(first);
        first.close(); // as a server's restart or the driver would
        Connection next = pool.borrow();
        assertThat(next).isNotSameAs(first);
        assertThat(next.isClosed()).isFalse();
        assertThat(prepared).hasSize(2);
        pool.giveBack(next);
        pool.close();
    }

    @Test
    void closingClosesEveryConnectionAlsoOneLentOutAndRefusesMore() throws SQLException {
        ConnectionPool pool = sqlitePool(2, new ArrayList<>());
        Connection idle = pool.borrow();
        Connection lent = pool.borrow();
        pool.giveBack(idle);
        pool.close();
        assertThat(idle.isClosed()).isTrue();
        assertThat(lent.isClosed()).as("an embedded database's file is let go when the database is closed").isTrue();
        pool.giveBack(lent); // the work that held it ends later: nothing to do
        assertThatThrownBy(pool::borrow).isInstanceOf(IllegalStateException.class).hasMessage("The database is closed.");
    }

    @Test
    void aClosedDatabaseSaysSoWhenItIsUsed() {
        Database database = Database.open("jdbc:h2:file:" + dir.resolve("closed"), null, null, Database.EmptyDatabase.CREATE_SCHEMA);
        boolean valid = database.fromConnection(c -> c.isValid(1));
        assertThat(valid).isTrue();
        database.close();
        assertThat(database.isClosed()).isTrue();
        assertThatThrownBy(() -> database.fromConnection(c -> 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(database::sessionFactory).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }
}
