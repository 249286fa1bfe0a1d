package dev.cascadestudio.persistence;

import java.util.List;

/**
 * Attached (as a suppressed exception) to the failure of work that waited for another connection's lock: the sessions
 * the server named as holding it while the work waited ({@link LockWatch}), each in a few words such as
 * {@code connection 4242 (user controller from 10.0.0.5, psql; in a transaction for 3 min 10 s, idle; its last
 * statement: UPDATE run SET …)}. Not thrown on its own.
 */
public final class LockHeldBy extends Exception {

    private final List<String> holders;

    public LockHeldBy(List<String> holders) {
        super("held by " + String.join("; ", holders), null, false, false);
        this.holders = List.copyOf(holders);
    }

    public List<String> holders() {
        return holders;
    }
}
