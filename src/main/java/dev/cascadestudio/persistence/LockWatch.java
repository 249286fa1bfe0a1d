package dev.cascadestudio.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Notes who holds the lock a piece of work waits for, so that work which gives up at {@link Database#LOCK_WAIT} can
 * say whom it waited for ({@link LockHeldBy}): once the work has run for {@link #FIRST_LOOK}, and as often again
 * until it ends, another connection of the pool, one it can spare ({@link ConnectionPool#borrowSpare}), asks the
 * server which sessions the work's connection waits for ({@link DatabaseProduct.LockHolders}). Work that ends sooner, nearly all of it, costs one timer entry and no
 * query; the timer is one daemon thread per open database, made when first needed. A look that cannot be taken (every
 * connection lent out, the server refusing the question to this user) is skipped: the work goes on as before and its
 * failure says only what the driver said.
 */
final class LockWatch {

    static final Duration FIRST_LOOK = Duration.ofSeconds(1);

    private final ConnectionPool pool;
    private final DatabaseProduct.LockHolders holders;
    private ScheduledExecutorService timer;

    LockWatch(ConnectionPool pool, DatabaseProduct.LockHolders holders) {
        this.pool = pool;
        this.holders = holders;
    }

    /**
     * Starts watching {@code connection}'s work, telling {@code whileWaiting} (on the timer's thread) the holders each
     * time a look finds others than the last; null where its session cannot be named (no look is then taken).
     */
    Watched watch(Connection connection, java.util.function.Consumer<List<String>> whileWaiting) {
        long session;
        try {
            session = holders.sessionOf(connection);
        } catch (SQLException | RuntimeException unnamed) {
            return null;
        }
        Watched watched = new Watched(session, whileWaiting);
        try {
            watched.future = timer().scheduleWithFixedDelay(watched::look,
                    FIRST_LOOK.toMillis(), FIRST_LOOK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            return null;
        }
        return watched;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            ScheduledThreadPoolExecutor one = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "lock-watch");
                thread.setDaemon(true);
                return thread;
            });
            one.setRemoveOnCancelPolicy(true); // the watch of work that ended in time leaves nothing queued
            timer = one;
        }
        return timer;
    }

    /** Ends the timer's thread (the database is closed). */
    synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The longest part of a holder's statement told: the rest is cut, so that a message stays a sentence. */
    static final int STATEMENT_CHARACTERS = 120;

    /**
     * One holder in a few words: {@code connection 4242 (user controller from 10.0.0.5, psql; in a transaction for
     * 3 min 10 s, idle; its latest statement: UPDATE run SET …)}. Any part may be null (not shown to this user, or not
     * kept by the server) and is then left out; the statement is put on one line and cut to
     * {@link #STATEMENT_CHARACTERS}.
     */
    static String describe(long session, String user, String client, String application, Long transactionSeconds,
            String state, String statement) {
        StringBuilder who = new StringBuilder();
        if (present(user)) who.append("user ").append(oneLine(user, 64));
        if (present(client)) who.append(who.isEmpty() ? "" : " ").append("from ").append(oneLine(client, 64));
        if (present(application)) who.append(who.isEmpty() ? "" : ", ").append(oneLine(application, 64));
        StringBuilder doing = new StringBuilder();
        if (transactionSeconds != null) doing.append("in a transaction for ").append(duration(transactionSeconds));
        if (present(state)) doing.append(doing.isEmpty() ? "" : ", ").append(oneLine(state, 64));
        if (present(statement)) {
            doing.append(doing.isEmpty() ? "" : "; ").append("its latest statement: ").append(oneLine(statement, STATEMENT_CHARACTERS));
        }
        String parts = who + (!who.isEmpty() && !doing.isEmpty() ? "; " : "") + doing;
        return "connection " + session + (parts.isEmpty() ? "" : " (" + parts + ")");
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank() && !text.startsWith("<insufficient");
    }

    /** {@code text} with every run of white space and control characters made one space, cut to {@code max} characters. */
    private static String oneLine(String text, int max) {
        String line = text.codePoints()
                .map(c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip().replaceAll(" {2,}", " ");
        return line.codePointCount(0, line.length()) <= max ? line
                : line.substring(0, line.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    /** {@code 42 s}, {@code 3 min 10 s}, {@code 2 h 5 min}. */
    static String duration(long seconds) {
        if (seconds < 60) return Math.max(0, seconds) + " s";
        if (seconds < 3600) return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }

    /** One piece of work's watch. */
    final class Watched {
        private final long session;
        private final java.util.function.Consumer<List<String>> whileWaiting;
        private volatile ScheduledFuture<?> future;
        private volatile List<String> seen = List.of();
        private volatile boolean stopped;

        private Watched(long session, java.util.function.Consumer<List<String>> whileWaiting) {
            this.session = session;
            this.whileWaiting = whileWaiting;
        }

        private void look() {
            Connection asker;
            try {
                asker = pool.borrowSpare();
            } catch (SQLException | RuntimeException none) {
                asker = null;
            }
            if (asker == null) {
                return; // no connection to spare (the work's own need them), or the database closed: no look this time
            }
            try {
                List<String> now = holders.holding(asker, session);
                synchronized (this) { // never told after stop() has returned: the work's end would come before its wait
                    if (!now.isEmpty() && !now.equals(seen) && !stopped) {
                        seen = now;
                        try {
                            whileWaiting.accept(now);
                        } catch (RuntimeException notTold) {
                            // a listener's failure is not the work's: the work goes on, and its failure still names them
                        }
                    }
                }
            } catch (SQLException | RuntimeException refused) {
                // the server keeps its sessions from this user: nothing to tell
            } finally {
                try {
                    asker.rollback();
                } catch (SQLException ignored) {
                    // given back all the same; the pool closes it if it is broken
                }
                pool.giveBack(asker);
            }
        }

        /** Stops the looks; the sessions seen holding what the work waited for, empty if none was seen. */
        synchronized List<String> stop() {
            stopped = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
            return seen;
        }
    }
}
