package dev.cascadestudio.cascade;

import java.util.List;

/** A snapshot cannot be restored without colliding with the database as it is now; nothing changed. */
public class RestoreConflictException extends RuntimeException {
    private final List<String> conflicts;

    public RestoreConflictException(List<String> conflicts, long total) {
        super("Cannot restore: " + total + " conflict" + (total == 1 ? "" : "s") + " with the database as it is now, e.g. "
                + String.join("; ", conflicts.subList(0, Math.min(3, conflicts.size()))) + ". Nothing was changed.");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
