package dev.cascadestudio.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link SnapshotReader} read on a thread of its own, a few thousand rows ahead of the restore that writes them, so
 * that parsing and checking the file's lines goes on while the database works. What the restore gets, and in what order,
 * is what the reader gives: its sections, its rows in batches, and a refusal where the reader refused, handed over at the
 * same point (after the rows before it); nothing is written differently. Closing stops the thread, then closes the file.
 */
final class ReadAhead implements SnapshotRows {

    /** Rows handed over at once: fewer hand-overs than one per row, a few thousand rows ahead at most. */
    private static final int BATCH = 512;
    private static final int BATCHES_AHEAD = 8;

    /** What the reading thread hands over, in the file's order. */
    private sealed interface Item permits SectionItem, RowsItem, EndItem, FailureItem {}

    private record SectionItem(SnapshotReader.Section section, long bytes) implements Item {}

    private record RowsItem(List<List<Object>> rows, long bytes) implements Item {}

    private record EndItem(long bytes) implements Item {}

    /** The reader's refusal or failure (a RuntimeException or an Error), thrown to the restore as it was. */
    private record FailureItem(Throwable failure) implements Item {}

    private final SnapshotReader reader;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean closed;

    /** The next item, looked at but not yet taken (a section or the end, found while looking for a row). */
    private Item pending;
    private List<List<Object>> rows = List.of();
    private int next;
    private boolean inSection;
    private boolean ended;
    private long bytes;
    private long rowsRead;

    private ReadAhead(SnapshotReader reader) {
        this.reader = reader;
        this.thread = new Thread(this::readAll, "cascade-snapshot-read-ahead");
        thread.setDaemon(true);
    }

    /** Reads {@code reader} (its header already read) ahead on a thread of its own; closed with the returned rows. */
    static ReadAhead of(SnapshotReader reader) {
        ReadAhead ahead = new ReadAhead(reader);
        ahead.thread.start();
        return ahead;
    }

    private void readAll() {
        List<List<Object>> batch = new ArrayList<>(BATCH);
        long handedAt = 0; // how far the file was read when rows or a section were last handed over (for progress)
        try {
            for (SnapshotReader.Section section = reader.nextSection(); section != null; section = reader.nextSection()) {
                handedAt = reader.bytesRead();
                if (!hand(new SectionItem(section, handedAt))) return;
                for (List<Object> row = reader.nextRow(); row != null; row = reader.nextRow()) {
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        handedAt = reader.bytesRead();
                        if (!hand(new RowsItem(batch, handedAt))) return;
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    handedAt = reader.bytesRead();
                    if (!hand(new RowsItem(batch, handedAt))) return;
                    batch = new ArrayList<>(BATCH);
                }
            }
            hand(new EndItem(reader.bytesRead()));
        } catch (RuntimeException | Error e) {
            // the rows read before the refusal first, as the reader itself hands them out before it refuses
            if (!batch.isEmpty() && !hand(new RowsItem(batch, handedAt))) return;
            hand(new FailureItem(e));
        }
    }

    /** Queues {@code item}, waiting for room; false once the restore closed these rows (the thread then ends). */
    private boolean hand(Item item) {
        try {
            while (!closed) {
                if (queue.offer(item, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) return true;
            }
            return false;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private Item peek() {
        if (pending == null) {
            try {
                pending = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the snapshot was read", e);
            }
            if (pending instanceof FailureItem failure) {
                // left pending: asked again, the same refusal
                if (failure.failure() instanceof Error error) throw error;
                throw (RuntimeException) failure.failure();
            }
        }
        return pending;
    }

    private Item take() {
        Item item = peek();
        pending = null;
        return item;
    }

    @Override
    public SnapshotReader.Header header() {
        return reader.header();
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public SnapshotReader.Section nextSection() {
        while (inSection) {
            nextRow();
        }
        if (ended) {
            return null;
        }
        Item item = take();
        if (item instanceof EndItem end) {
            bytes = end.bytes();
            ended = true;
            return null;
        }
        SectionItem section = (SectionItem) item;
        bytes = section.bytes();
        inSection = true;
        return section.section();
    }

    @Override
    public List<Object> nextRow() {
        if (!inSection) {
            return null;
        }
        if (next == rows.size()) {
            if (!(peek() instanceof RowsItem batch)) {
                inSection = false; // a section or the end comes next: this section is done
                return null;
            }
            take();
            rows = batch.rows();
            next = 0;
            bytes = batch.bytes();
        }
        rowsRead++;
        return rows.get(next++);
    }

    @Override
    public void close() {
        closed = true; // the thread ends at its next hand-over, at most a batch further on (not interrupted: an
                       // interrupt would close the file's channel under the reader)
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the file is closed only once the thread no longer reads it
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        reader.close();
    }
}
