package dev.cascadestudio.cascade;

import java.util.List;

/** A snapshot read front to back, section by section and row by row ({@link SnapshotReader}, {@link ReadAhead}). */
interface SnapshotRows extends AutoCloseable {

    SnapshotReader.Header header();

    /** How far into the file the reading has got, in bytes (for progress). */
    long bytesRead();

    /** The rows of deleted sections and the values of nulled sections handed out so far, each checked. */
    long rowsRead();

    /** The next section, skipping what is left of the current one; null after the end line. */
    SnapshotReader.Section nextSection();

    /** The next row of the current section, its values checked against the columns; null at its end. */
    List<Object> nextRow();

    @Override
    void close();
}
