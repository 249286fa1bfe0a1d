package dev.cascadestudio.cascade;

/**
 * A snapshot file restore will not put back (not a snapshot, cut short, edited, or naming what the
 * mapping does not know); nothing was changed. An {@link IllegalArgumentException}: it is bad input.
 */
public class SnapshotRefusedException extends IllegalArgumentException {

    SnapshotRefusedException(String snapshot, String problem) {
        super("Cannot restore " + snapshot + ": " + problem + "; nothing was changed.");
    }
}
