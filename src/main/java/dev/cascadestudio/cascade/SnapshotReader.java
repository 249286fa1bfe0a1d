package dev.cascadestudio.cascade;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.cascadestudio.domain.BaseEntity;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.TableInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a snapshot ({@link SnapshotFormat}) with Jackson's streaming parser, one line at a time, and
 * refuses ({@link SnapshotRefusedException}) anything the writer would not have written: a field, table
 * or column the mapping does not know, a value of the wrong kind, a row with more or fewer values than
 * its section's columns, a section for a table the delete's roots cannot reach, end counts that differ
 * from the rows read, anything after the end line. Tables and columns are handed out as the mapping's
 * own {@link TableInfo} objects, so no name from the file is ever used to build SQL. Memory is bounded
 * by the section's width and {@link SnapshotFormat#MAX_VALUE_CHARS}, whatever the file holds; text
 * outside rows is refused as soon as one value is longer than it can be (a root's uid longer than the
 * mapping's {@link BaseEntity#UID_LENGTH}, a name longer than {@link BaseEntity#NAME_LENGTH}, any other
 * header text longer than {@link SnapshotFormat#MAX_HEADER_TEXT_CHARS}), so a header cannot hold more
 * than one long value at a time.
 */
final class SnapshotReader implements SnapshotRows {

    /** More than any mapped table has; a longer column list is refused while it is read. */
    private static final int MAX_COLUMNS = 64;
    private static final int MAX_ROOTS = 100_000;
    private static final int MAX_FIELDS = 8;
    /** A table or column name longer than this is no name of the mapping: refused as soon as it is read. */
    private static final int MAX_NAME_CHARS = BaseEntity.NAME_LENGTH;
    private static final Set<String> HEADER_FIELDS = Set.of("format", "formatVersion", "createdAt", "database", "roots", "repairs",
            "summary");

    /**
     * The header line: the database the delete ran on, its roots, the dangling columns it repaired ({@link Repair};
     * none for a snapshot written before repairs existed), and when it was written (ISO-8601; null if not said).
     */
    record Header(String database, List<Root> roots, List<Repair> repairs, String createdAt) {}

    /** A section's header: the rows of one table that were deleted, or the values of one column set to NULL. */
    record Section(TableInfo table, TableInfo.Column column, List<TableInfo.Column> columns) {
        boolean deleted() {
            return column == null;
        }
    }

    private final String name;
    private final TrailingDigest digest;
    private final JsonParser parser;
    /** The SHA-256 of the file's bytes before the line read last (or held {@link #ahead}). */
    private MessageDigest beforeLine;
    private MessageDigest beforeAhead;
    private long version;
    private final CascadeGraph graph;
    private Header header;
    private Set<String> deletableTables;
    private Set<String> nullableColumns;
    private final Set<String> sectionsSeen = new HashSet<>();
    private Section section;
    private boolean ended;
    private long deletedRows;
    private long nulledValues;
    private long line;

    private SnapshotReader(String name, TrailingDigest digest, JsonParser parser, CascadeGraph graph) {
        this.name = name;
        this.digest = digest;
        this.parser = parser;
        this.graph = graph;
    }

    /** Opens the snapshot and reads its header line. */
    static SnapshotReader open(Path snapshot, CascadeGraph graph) {
        if (!Files.isRegularFile(snapshot)) {
            throw new SnapshotRefusedException(snapshot.toString(), "there is no snapshot file there (or it is not a regular file)");
        }
        try {
            return open(Files.newInputStream(snapshot), snapshot.toString(), graph);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }

    /** Reads a snapshot from {@code in} (closed with the reader); {@code name} names it in messages. */
    static SnapshotReader open(InputStream in, String name, CascadeGraph graph) {
        SnapshotReader reader;
        try {
            TrailingDigest digest = new TrailingDigest(in);
            reader = new SnapshotReader(name, digest, SnapshotFormat.JSON.createParser(digest), graph);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the snapshot " + name + ": " + e.getMessage(), e);
        }
        try {
            reader.readHeader();
            return reader;
        } catch (RuntimeException e) {
            reader.closeQuietly(e);
            throw e;
        }
    }

    @Override
    public Header header() {
        return header;
    }

    /** How far into the file the parser has read, in bytes (for progress). */
    @Override
    public long bytesRead() {
        return Math.max(0, parser.currentLocation().getByteOffset());
    }

    /** The rows of deleted sections and the values of nulled sections read so far, each checked. */
    @Override
    public long rowsRead() {
        return deletedRows + nulledValues;
    }

    /** The next section, skipping what is left of the current one; null after the end line. */
    @Override
    public Section nextSection() {
        while (section != null) {
            nextRow();
        }
        if (ended) {
            return null;
        }
        Map<String, Object> fields = readLine(null);
        if (fields.containsKey("row")) {
            throw refused("line " + line + " is a row outside any section");
        }
        if (fields.containsKey("end")) {
            end(fields);
            return null;
        }
        section = section(fields);
        sectionRowColumns = rowColumns(section);
        return section;
    }

    /** The next row of the current section, its values checked against the columns; null at its end. */
    @Override
    public List<Object> nextRow() {
        if (section == null) {
            return null;
        }
        Map<String, Object> fields = readLine(section);
        if (!fields.containsKey("row")) {
            ahead = fields;
            beforeAhead = beforeLine;
            section = null;
            return null;
        }
        if (fields.size() > 1) {
            only(fields, ROW_ONLY); // a line of one field that is its row is a row line
        }
        @SuppressWarnings("unchecked")
        List<Object> row = (List<Object>) fields.get("row");
        List<TableInfo.Column> columns = sectionRowColumns;
        if (row.size() != columns.size()) {
            throw refused("line " + line + " holds " + row.size() + " values where its section has " + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
            String problem = SnapshotFormat.problem(columns.get(i), row.get(i));
            if (problem != null) {
                throw refused("line " + line + " " + problem + " of " + section.table().name());
            }
        }
        if (section.deleted()) deletedRows++; else nulledValues++;
        return row;
    }

    /** A section line or the end line read while looking for a row, handed to the next {@link #nextSection}. */
    private Map<String, Object> ahead;
    /** The current section's columns as its rows hold them ({@link #rowColumns}), made once per section. */
    private List<TableInfo.Column> sectionRowColumns;
    private static final Set<String> ROW_ONLY = Set.of("row");

    private static List<TableInfo.Column> rowColumns(Section section) {
        if (section.deleted()) {
            return section.columns();
        }
        List<TableInfo.Column> columns = new ArrayList<>(section.columns());
        columns.add(section.column());
        return columns;
    }

    private void readHeader() {
        Map<String, Object> fields = readLine(null);
        if (!SnapshotFormat.FORMAT.equals(fields.get("format"))) {
            throw refused("it is not a Cascade Studio snapshot");
        }
        Object version = fields.get("formatVersion");
        if (!(version instanceof Long v) || v < SnapshotFormat.OLDEST_READABLE_VERSION || v > SnapshotFormat.VERSION) {
            throw refused("its format version is " + (version instanceof String s ? "the text '" + SnapshotFormat.shorten(s) + "'" : version)
                    + "; this Cascade Studio reads versions " + SnapshotFormat.OLDEST_READABLE_VERSION + " to " + SnapshotFormat.VERSION);
        }
        this.version = v;
        only(fields, HEADER_FIELDS);
        if (!(fields.get("database") instanceof String database)) {
            throw refused("its header names no database");
        }
        RootList roots = fields.get("roots") instanceof RootList r ? r : null;
        RepairList repairs = fields.containsKey("repairs") ? (RepairList) fields.get("repairs") : new RepairList();
        if (roots == null || (roots.isEmpty() && repairs.isEmpty())) {
            throw refused("its header names no rows the delete started from");
        }
        // as the writer writes them: a repair's snapshot names no rows, and only version 2 on knows repairs
        if (!repairs.isEmpty() && (!roots.isEmpty() || this.version < 2)) {
            throw refused("its header names repaired columns beside chosen rows, which no delete writes");
        }
        header = new Header(database, List.copyOf(roots), List.copyOf(repairs), fields.get("createdAt") instanceof String at ? at : null);
        List<ForeignKeyRule> repaired = repairs.stream().map(repair -> repair.edge(graph)).toList();
        deletableTables = reachable(roots, repaired);
        nullableColumns = new HashSet<>();
        for (ForeignKeyRule edge : graph.edges()) {
            if (edge.action() == ForeignKeyRule.Action.SET_NULL
                    && (deletableTables.contains(edge.parentTable()) || repaired.contains(edge))) {
                nullableColumns.add(edge.childTable() + "." + edge.column());
            }
        }
    }

    /**
     * The tables a delete of the roots can remove rows from: the roots' tables, the tables whose rows a DELETE
     * edge among {@code repaired} reaches, and all reachable from those along DELETE edges.
     */
    private Set<String> reachable(List<Root> roots, List<ForeignKeyRule> repaired) {
        Set<String> tables = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        for (Root root : roots) {
            if (tables.add(root.table())) todo.add(root.table());
        }
        for (ForeignKeyRule edge : repaired) {
            if (edge.action() == ForeignKeyRule.Action.DELETE && tables.add(edge.childTable())) todo.add(edge.childTable());
        }
        while (!todo.isEmpty()) {
            for (ForeignKeyRule edge : graph.outgoing(todo.poll())) {
                if (edge.action() == ForeignKeyRule.Action.DELETE && tables.add(edge.childTable())) {
                    todo.add(edge.childTable());
                }
            }
        }
        return tables;
    }

    private Section section(Map<String, Object> fields) {
        boolean deleted = fields.containsKey("deleted");
        if (!deleted && !fields.containsKey("nulled")) {
            throw refused("line " + line + " is neither a row, a section nor the end");
        }
        only(fields, deleted ? Set.of("deleted", "columns") : Set.of("nulled", "column", "columns"));
        TableInfo table = table(fields.get(deleted ? "deleted" : "nulled"));
        if (!(fields.get("columns") instanceof ColumnList names)) {
            throw refused("line " + line + " has no list of column names");
        }
        List<TableInfo.Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object n : names) {
            TableInfo.Column c = column(table, n);
            if (!seen.add(c.name())) {
                throw refused("line " + line + " names the column " + c.name() + " twice");
            }
            columns.add(c);
        }
        if (deleted) {
            if (!deletableTables.contains(table.name())) {
                throw refused("line " + line + " puts back rows of " + table.name() + ", a table a delete of the snapshot's roots never touches");
            }
            if (!seen.equals(new HashSet<>(table.columnNames()))) {
                throw refused("line " + line + " lists other columns than " + table.name() + " has");
            }
            if (!sectionsSeen.add(table.name())) {
                throw refused("line " + line + " is a second section for " + table.name());
            }
            return new Section(table, null, List.copyOf(columns));
        }
        TableInfo.Column column = column(table, fields.get("column"));
        if (!nullableColumns.contains(table.name() + "." + column.name())) {
            throw refused("line " + line + " puts back values of " + table.name() + "." + column.name()
                    + ", a column a delete of the snapshot's roots never sets to NULL");
        }
        if (!columns.stream().map(TableInfo.Column::name).toList().equals(table.keyColumns())) {
            throw refused("line " + line + " does not identify rows of " + table.name() + " by its key " + table.keyColumns());
        }
        if (!sectionsSeen.add(table.name() + "." + column.name())) {
            throw refused("line " + line + " is a second section for " + table.name() + "." + column.name());
        }
        return new Section(table, column, List.copyOf(columns));
    }

    private TableInfo table(Object name) {
        if (!(name instanceof String n) || !MappedTables.exists(n)) {
            throw refused("line " + line + " names " + quoted(name) + ", which is no table of the mapping");
        }
        return MappedTables.get(n);
    }

    private TableInfo.Column column(TableInfo table, Object name) {
        if (name instanceof String n) {
            for (TableInfo.Column c : table.columns()) {
                if (c.name().equals(n)) return c;
            }
        }
        throw refused("line " + line + " names " + quoted(name) + ", which is no column of " + table.name());
    }

    private static String quoted(Object name) {
        return name instanceof String s ? "'" + SnapshotFormat.shorten(s) + "'" : String.valueOf(name);
    }

    private void end(Map<String, Object> fields) {
        only(fields, version >= 2 ? Set.of("end", "deletedRows", "nulledValues", "sha256") : Set.of("end", "deletedRows", "nulledValues"));
        if (!Boolean.TRUE.equals(fields.get("end"))) {
            throw refused("its end line is not an end");
        }
        if (!Long.valueOf(deletedRows).equals(fields.get("deletedRows")) || !Long.valueOf(nulledValues).equals(fields.get("nulledValues"))) {
            throw refused("its end line counts " + fields.get("deletedRows") + " rows and " + fields.get("nulledValues")
                    + " values, but the file holds " + deletedRows + " rows and " + nulledValues + " values");
        }
        if (version >= 2 && (beforeLine == null || !HexFormat.of().formatHex(beforeLine.digest()).equals(fields.get("sha256")))) {
            throw refused("its checksum does not match its contents (it was edited or damaged after it was written)");
        }
        try {
            if (parser.nextToken() != null) {
                throw refused("it goes on after its end line");
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        ended = true;
    }

    private void only(Map<String, Object> fields, Set<String> allowed) {
        for (String f : fields.keySet()) {
            if (!allowed.contains(f)) {
                throw unknownField(f);
            }
        }
    }

    private SnapshotRefusedException unknownField(String field) {
        return refused("line " + line + " has a field '" + SnapshotFormat.shorten(field) + "' that no such line of a snapshot has");
    }

    private SnapshotRefusedException refused(String problem) {
        return new SnapshotRefusedException(name, problem);
    }

    /**
     * The next line's fields: scalars, the {@code row}'s values (at most as many as {@code rowSection}
     * has columns), the {@code columns} names, the {@code roots}. Nothing else is accepted.
     */
    private Map<String, Object> readLine(Section rowSection) {
        if (ahead != null) {
            Map<String, Object> fields = ahead;
            ahead = null;
            beforeLine = beforeAhead;
            return fields;
        }
        try {
            JsonToken token = parser.nextToken();
            line = parser.currentLocation().getLineNr();
            if (token == null) {
                throw refused(header == null ? "the file is empty" : "it is incomplete (cut short while it was written: no end line)");
            }
            if (token != JsonToken.START_OBJECT) {
                throw refused("line " + line + " is not a JSON object");
            }
            long lineStart = parser.currentTokenLocation().getByteOffset();
            JsonToken field = parser.nextToken();
            Map<String, Object> fields;
            if (field == JsonToken.FIELD_NAME && "row".equals(parser.currentName())) {
                // A line with a row is never the end line, whose checksum is the only use of the digest before a line:
                // none is taken for it (a copy of SHA-256's state and a shift of the held bytes per row line).
                beforeLine = null;
                List<Object> row = row(parser.nextToken(), rowSection);
                field = parser.nextToken();
                if (field != JsonToken.FIELD_NAME) {
                    return Map.of("row", row); // the usual row line: {"row":[...]}
                }
                fields = new LinkedHashMap<>();
                fields.put("row", row);
            } else {
                // the field name read is short or refused (Jackson's limit), so the line's start is still held
                beforeLine = digest.before(lineStart);
                fields = new LinkedHashMap<>();
            }
            for (; field == JsonToken.FIELD_NAME; field = parser.nextToken()) {
                String name = parser.currentName();
                if (fields.size() == MAX_FIELDS) {
                    throw refused("line " + line + " has too many fields");
                }
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "row" -> fields.put(name, row(value, rowSection));
                    case "columns" -> fields.put(name, columns(value));
                    case "roots" -> fields.put(name, roots(value));
                    case "repairs" -> fields.put(name, repairs(value));
                    case "deleted", "nulled", "column" -> fields.put(name, text(value, name, MAX_NAME_CHARS));
                    default -> fields.put(name, text(value, name, SnapshotFormat.MAX_HEADER_TEXT_CHARS));
                }
            }
            return fields;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private List<Object> row(JsonToken token, Section rowSection) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw refused("line " + line + " has a row that is not a list of values");
        }
        if (rowSection == null) {
            throw refused("line " + line + " is a row outside any section");
        }
        List<TableInfo.Column> columns = rowSection == section ? sectionRowColumns : rowColumns(rowSection);
        int width = columns.size();
        List<Object> row = new ArrayList<>(width);
        long chars = 0;
        for (JsonToken value = parser.nextToken(); value != JsonToken.END_ARRAY; value = parser.nextToken()) {
            if (row.size() == width) {
                throw refused("line " + line + " holds more values than its section has columns (" + width + ")");
            }
            // text, null and whole numbers read at once; anything else as scalar reads it, named in its refusal
            Object v = switch (value) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.INT || parser.getNumberType() == JsonParser.NumberType.LONG
                        ? (Object) parser.getLongValue() : scalar(value, valueName(rowSection, columns, row.size()));
                default -> scalar(value, valueName(rowSection, columns, row.size()));
            };
            if (v instanceof String s && (chars += s.length()) > SnapshotFormat.MAX_VALUE_CHARS) {
                throw refused("line " + line + " holds more than " + String.format("%,d", SnapshotFormat.MAX_VALUE_CHARS)
                        + " characters, more than a snapshot ever holds in one row");
            }
            row.add(v);
        }
        return row;
    }

    /** "run.workflow_id": the value at {@code index} of a row of {@code section}, as a refusal names it. */
    private static String valueName(Section section, List<TableInfo.Column> columns, int index) {
        return section.table().name() + "." + columns.get(index).name();
    }

    /** The column names of a section header, read one by one: never more than {@value #MAX_COLUMNS}. */
    private ColumnList columns(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw refused("line " + line + " has columns that are not a list of names");
        }
        ColumnList names = new ColumnList();
        for (JsonToken value = parser.nextToken(); value != JsonToken.END_ARRAY; value = parser.nextToken()) {
            if (names.size() == MAX_COLUMNS) {
                throw refused("line " + line + " lists more columns than any table has");
            }
            names.add(text(value, "columns", MAX_NAME_CHARS));
        }
        return names;
    }

    private RootList roots(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw refused("its roots are not a list");
        }
        RootList roots = new RootList();
        for (JsonToken value = parser.nextToken(); value != JsonToken.END_ARRAY; value = parser.nextToken()) {
            if (value != JsonToken.START_OBJECT || roots.size() == MAX_ROOTS) {
                throw refused("its roots are not a list of rows");
            }
            Object table = null;
            Object uid = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken v = parser.nextToken();
                if (field.equals("table")) table = text(v, "a root's table", MAX_NAME_CHARS);
                else if (field.equals("uid")) uid = text(v, "a root's uid", BaseEntity.UID_LENGTH);
                else throw unknownField(field);
            }
            if (!(uid instanceof String u)) {
                throw refused("a root in its header has no uid");
            }
            roots.add(new Root(table(table).name(), u));
        }
        return roots;
    }

    /** The header's repaired columns: each a table and a column of the mapping that refers to a table. */
    private RepairList repairs(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw refused("its repairs are not a list");
        }
        RepairList repairs = new RepairList();
        for (JsonToken value = parser.nextToken(); value != JsonToken.END_ARRAY; value = parser.nextToken()) {
            if (value != JsonToken.START_OBJECT || repairs.size() == graph.edges().size()) {
                throw refused("its repairs are not a list of columns");
            }
            Object table = null;
            Object column = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken v = parser.nextToken();
                if (field.equals("table")) table = text(v, "a repair's table", MAX_NAME_CHARS);
                else if (field.equals("column")) column = text(v, "a repair's column", MAX_NAME_CHARS);
                else throw unknownField(field);
            }
            TableInfo t = table(table);
            Repair repair = new Repair(t.name(), column(t, column).name());
            try {
                repair.edge(graph);
            } catch (IllegalArgumentException notAReference) {
                throw refused("its header repairs " + repair.label() + ", a column that refers to no table");
            }
            repairs.add(repair);
        }
        return repairs;
    }

    /**
     * A value outside a row, as {@link #scalar} reads it, refused at once if it is text longer than
     * {@code maxChars}: so the header's and sections' text never adds up to more than one long value.
     */
    private Object text(JsonToken token, String where, int maxChars) throws IOException {
        Object value = scalar(token, where);
        if (value instanceof String s && s.length() > maxChars) {
            throw refused("line " + line + " holds " + String.format("%,d", s.length()) + " characters for " + where
                    + ", where a snapshot holds at most " + String.format("%,d", maxChars));
        }
        return value;
    }

    /** As the snapshot writer writes it: a string, a whole number that fits 64 bits, a boolean or null. */
    private Object scalar(JsonToken token, String where) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() != JsonParser.NumberType.INT && parser.getNumberType() != JsonParser.NumberType.LONG) {
                    throw refused("line " + line + " holds the number " + SnapshotFormat.shorten(parser.getText())
                            + " for " + where + ", too big for any column");
                }
                yield parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> throw refused("line " + line + " holds the number " + SnapshotFormat.shorten(parser.getText())
                    + " for " + where + ", which no snapshot writes");
            case START_OBJECT, START_ARRAY -> throw refused("line " + line + " holds a JSON " + (token == JsonToken.START_OBJECT ? "object" : "list")
                    + " for " + where + ", where a snapshot has a single value");
            default -> throw refused("line " + line + " is not a snapshot line");
        };
    }

    private RuntimeException unreadable(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return refused("line " + parser.currentLocation().getLineNr() + " holds a value longer than "
                    + String.format("%,d", SnapshotFormat.MAX_VALUE_CHARS) + " characters (or nested deeper), more than a snapshot ever holds");
        }
        if (e instanceof JsonEOFException) {
            return refused("it is incomplete (cut short in line " + parser.currentLocation().getLineNr() + ")");
        }
        if (e instanceof JsonProcessingException p) {
            var where = p.getLocation() != null ? p.getLocation() : parser.currentLocation();
            return refused("line " + where.getLineNr() + " is not valid JSON (near character " + where.getColumnNr() + ")");
        }
        return new UncheckedIOException("Cannot read the snapshot " + name + ": " + e.getMessage(), e);
    }

    private static final class ColumnList extends ArrayList<Object> {}

    /**
     * Digests what it reads, holding back the last {@value #KEEP} bytes so that the digest of the bytes
     * before any offset the parser is still at (its buffer is 8,000 bytes) can be taken.
     */
    private static final class TrailingDigest extends FilterInputStream {
        private static final int KEEP = 1 << 16;
        private final MessageDigest digest = SnapshotFormat.sha256();
        private final byte[] held = new byte[KEEP];
        private int count;
        private long digested;

        TrailingDigest(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) hold(b, off, n);
            return n;
        }

        private void hold(byte[] b, int off, int n) {
            int excess = count + n - KEEP;
            if (excess > 0) {
                int fromHeld = Math.min(excess, count);
                feed(fromHeld);
                int fromNew = excess - fromHeld;
                digest.update(b, off, fromNew);
                digested += fromNew;
                off += fromNew;
                n -= fromNew;
            }
            System.arraycopy(b, off, held, count, n);
            count += n;
        }

        private void feed(int n) {
            digest.update(held, 0, n);
            System.arraycopy(held, n, held, 0, count - n);
            count -= n;
            digested += n;
        }

        /** The digest of the bytes before {@code offset}; null if they are no longer held (then no checksum can match). */
        MessageDigest before(long offset) {
            if (offset < digested || offset > digested + count) {
                return null;
            }
            feed((int) (offset - digested));
            try {
                return (MessageDigest) digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 cannot be cloned here", e);
            }
        }
    }

    private static final class RootList extends ArrayList<Root> {}

    private static final class RepairList extends ArrayList<Repair> {}

    private void closeQuietly(RuntimeException failure) {
        try {
            parser.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the snapshot " + name + ": " + e.getMessage(), e);
        }
    }
}
