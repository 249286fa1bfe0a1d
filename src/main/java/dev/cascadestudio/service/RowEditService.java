package dev.cascadestudio.service;

import dev.cascadestudio.cascade.CascadeGraph;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.ColumnKind;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.MappedTables;
import dev.cascadestudio.persistence.SqlNames;
import dev.cascadestudio.persistence.TableInfo;
import dev.cascadestudio.service.EditableRow.Choice;
import dev.cascadestudio.service.EditableRow.Field;
import dev.cascadestudio.service.EditableRow.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Editing one row: read it for the editor, check a draft, save it (refusing if the row changed in the
 * database meanwhile) and create a new row under a parent. Every write is one transaction; a refused
 * save or create writes nothing.
 */
public final class RowEditService {

    /** The most rows a reference offers to choose from (the rest can still be kept as loaded). */
    static final int CHOICE_LIMIT = 1_000;
    private static final int SUGGESTION_LIMIT = 50;
    /** Short NOT NULL columns whose values form a small vocabulary; other rows' values are offered. */
    private static final Set<String> VOCABULARY = Set.of("workflow_type", "state", "status", "task", "format", "type",
            "data_source_type");
    private static final Set<String> READ_ONLY = Set.of("uid", "version", "created", "updated");

    private final Database database;
    private final RowDetailsService reader;
    private final CascadeGraph graph;
    private final TreeService tree;
    private final RowWriter writer;
    private final AuditLog auditLog;
    private final WriteGate gate;

    public RowEditService(Database database, CascadeGraph graph, TreeService tree, RowDetailsService reader) {
        this(database, graph, tree, reader, AuditLog.inDataDirectory());
    }

    /** Every committed save and new row is recorded in {@code auditLog}. */
    public RowEditService(Database database, CascadeGraph graph, TreeService tree, RowDetailsService reader, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.database = database;
        this.graph = graph;
        this.tree = tree;
        this.reader = reader;
        this.writer = new RowWriter(database);
        this.gate = WriteGate.of(database);
    }

    /** Whether rows may be saved and created (the database is open for editing). */
    public boolean writable() { return gate.writable(); }

    /** The row with what the editor needs (choices for its references); empty if it no longer exists. */
    public Optional<EditableRow> load(RowRef row) {
        return database.fromConnection(c -> {
            Optional<RowDetails> read = reader.read(c, row, false);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            RowDetails details = read.get();
            Map<String, String> values = new LinkedHashMap<>();
            details.fields().forEach(f -> values.put(f.column(), f.text()));
            return Optional.of(new EditableRow(row.table(), details.row(), false, null, fields(c, row.table(), values),
                    details.labels()));
        });
    }

    /** The kinds of rows that can be created under a row of {@code table}: its groups in the tree. */
    public List<String> childTables(String table) {
        return tree.childGroups(table).stream().map(ForeignKeyRule::childTable).distinct().toList();
    }

    /**
     * A new, unsaved row of {@code childTable} under {@code parent}: a fresh uid, the parent's key in
     * its foreign key, and the parent's own owner, project or workflow where the new row has the same
     * column. Fails if the parent no longer exists.
     */
    public EditableRow newRow(RowRef parent, String childTable) {
        gate.check();
        ForeignKeyRule rule = tree.rule(parent.table(), childTable);
        TableInfo table = MappedTables.get(childTable);
        return database.fromConnection(c -> {
            RowDetails parentRow = reader.read(c, parent, false).orElseThrow(() -> new ConcurrentChangeException(
                    "The " + RowValidator.word(parent.table()) + " “" + parent.name() + "” no longer exists."));
            Map<String, String> values = new LinkedHashMap<>();
            // A column's DEFAULT where the schema has one; else unset (NULL), which a NOT NULL column
            // refuses until a value is given. A checkbox always holds a value: false.
            for (TableInfo.Column column : table.columns()) {
                values.put(column.name(), column.defaultValue() != null ? column.defaultValue()
                        : column.kind() == ColumnKind.BOOLEAN ? "false" : null);
            }
            values.put("uid", UUID.randomUUID().toString().replace("-", ""));
            if (table.versioned()) {
                values.put("version", "");
            }
            values.put("created", null);
            for (String column : references(childTable).keySet()) {
                String inherited = parentRow.text(column);
                if (inherited != null) {
                    values.put(column, inherited);
                }
            }
            values.put(rule.column(), parent.uid());
            RowRef row = new RowRef(childTable, values.get("uid"), table.versioned() ? "" : null, "");
            List<RowDetails.Label> labels = childTable.equals("project")
                    ? List.of(new RowDetails.Label("_GENAI_FACTORY", "true")) : List.of();
            return new EditableRow(childTable, row, true, parentRow.row(), fields(c, childTable, values), labels);
        });
    }

    /** What is wrong with the draft, per field; empty if it can be saved as it stands. */
    public List<FieldError> validate(RowDraft draft) {
        return database.fromConnection(c -> validator(draft).validate(c, draft));
    }

    /**
     * Saves the draft in one transaction: the row is read again and compared with what was loaded;
     * if it changed or is gone, {@link ConcurrentChangeException} and nothing is written. Invalid
     * values: {@link InvalidRowException}, nothing written. Otherwise the changed columns and labels
     * are written, {@code updated} is set, and a new name carries the row's labels with it.
     *
     * @return the row as saved (its name may be new)
     */
    public RowRef save(RowDraft draft) {
        return save(draft, holders -> { });
    }

    /**
     * {@link #save(RowDraft)}, telling {@code whileWaiting} (on a thread of its own) who holds a lock the save waits for
     * ({@link Database#fromConnection(Database.JdbcWork, java.util.function.Consumer)}).
     */
    public RowRef save(RowDraft draft, java.util.function.Consumer<List<String>> whileWaiting) {
        EditableRow loaded = draft.loaded();
        if (loaded.isNew()) {
            throw new IllegalArgumentException("A new row is created, not saved");
        }
        gate.check();
        RowRef saved = database.fromConnection(c -> {
            RowDetails now = reader.read(c, loaded.row(), true).orElseThrow(() -> new ConcurrentChangeException(
                    "“" + loaded.row().name() + "” was deleted from the database after you opened it. Nothing was saved."));
            List<String> changed = differences(loaded, now);
            if (!changed.isEmpty()) {
                throw new ConcurrentChangeException("“" + loaded.row().name() + "” was changed in the database after you"
                        + " opened it (" + String.join(", ", changed) + "). Nothing was saved: Revert to see the current"
                        + " values, then make your change again.");
            }
            List<FieldError> errors = validator(draft).validate(c, draft);
            if (!errors.isEmpty()) {
                throw new InvalidRowException(errors);
            }
            return writer.update(c, draft);
        }, whileWaiting);
        List<String> columns = changedColumns(draft);
        if (!columns.isEmpty()) {
            auditLog.append(editRecord(AuditRecord.EDIT, saved, "updated", columns));
        }
        return saved;
    }

    /** Creates the new row of the draft with its labels in one transaction; invalid values write nothing. */
    public RowRef create(RowDraft draft) {
        return create(draft, holders -> { });
    }

    /** {@link #create(RowDraft)}, telling {@code whileWaiting} who holds a lock it waits for (as {@link #save(RowDraft, java.util.function.Consumer)}). */
    public RowRef create(RowDraft draft, java.util.function.Consumer<List<String>> whileWaiting) {
        if (!draft.loaded().isNew()) {
            throw new IllegalArgumentException("This row exists already; save it instead");
        }
        gate.check();
        RowRef created = database.fromConnection(c -> {
            List<FieldError> errors = validator(draft).validate(c, draft);
            if (!errors.isEmpty()) {
                throw new InvalidRowException(errors);
            }
            return writer.insert(c, draft);
        }, whileWaiting);
        auditLog.append(editRecord(AuditRecord.CREATE, created, "inserted", null));
        return created;
    }

    private AuditRecord editRecord(String action, RowRef row, String counted, List<String> columns) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put(row.table(), Map.of(counted, 1L));
        return AuditRecord.now(database.url(), action, List.of(new AuditRecord.Row(row.table(), row.uid(), row.version(), row.name())),
                counts, columns, null, null);
    }

    /** The columns a save writes (as {@link RowWriter#update} decides), and {@code labels} if they changed. */
    private static List<String> changedColumns(RowDraft draft) {
        List<String> changed = new ArrayList<>();
        for (Field field : draft.loaded().fields()) {
            String value = draft.values().containsKey(field.column()) ? draft.values().get(field.column()) : field.value();
            if (field.editable() && !java.util.Objects.equals(RowValidator.stored(field, value), field.value())) {
                changed.add(field.column());
            }
        }
        if (!labelMap(draft.loaded().labels()).equals(labelMap(draft.labels()))) {
            changed.add("labels");
        }
        return changed;
    }

    private static Map<String, String> labelMap(List<RowDetails.Label> labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.forEach(label -> map.put(label.name(), label.value() == null ? "" : label.value()));
        return map;
    }

    private RowValidator validator(RowDraft draft) {
        return new RowValidator(database.sqlNames(), references(draft.loaded().table()));
    }

    /** Which columns (and labels) differ between the row as loaded and as the database holds it now. */
    private static List<String> differences(EditableRow loaded, RowDetails now) {
        List<String> changed = new ArrayList<>();
        for (Field field : loaded.fields()) {
            if (!java.util.Objects.equals(field.value(), now.text(field.column()))) {
                changed.add(field.column());
            }
        }
        if (!loaded.labels().equals(now.labels())) {
            changed.add("labels");
        }
        return changed;
    }

    /** The table's foreign-key columns (not labels) and the table each references. */
    private Map<String, String> references(String table) {
        Map<String, String> references = new LinkedHashMap<>();
        for (ForeignKeyRule rule : graph.incoming(table)) {
            if (!rule.isLabelRule()) {
                references.put(rule.column(), rule.parentTable());
            }
        }
        return references;
    }

    private List<Field> fields(Connection c, String tableName, Map<String, String> values) throws SQLException {
        TableInfo table = MappedTables.get(tableName);
        Map<String, String> references = references(tableName);
        List<Field> fields = new ArrayList<>();
        for (TableInfo.Column column : table.columns()) {
            String name = column.name();
            String value = values.get(name);
            boolean required = !column.nullable();
            if (READ_ONLY.contains(name)) {
                fields.add(new Field(name, Type.READ_ONLY, required, 0, value, List.of()));
            } else if (references.containsKey(name)) {
                fields.add(new Field(name, Type.REFERENCE, required, column.length(), value,
                        choices(c, references.get(name), value)));
            } else if (column.kind() == ColumnKind.JSON) {
                fields.add(new Field(name, Type.JSON, required, 0, value, List.of()));
            } else if (column.kind() == ColumnKind.BOOLEAN) {
                fields.add(new Field(name, Type.BOOLEAN, true, 0, value, List.of()));
            } else if (name.equals("description")) {
                fields.add(new Field(name, Type.LONG_TEXT, required, column.length(), value, List.of()));
            } else {
                fields.add(new Field(name, Type.TEXT, required, column.length(), value,
                        VOCABULARY.contains(name) ? suggestions(c, tableName, name) : List.of()));
            }
        }
        return List.copyOf(fields);
    }

    /** Rows of {@code table} by name; the current value is always among them, marked if it points nowhere. */
    private List<Choice> choices(Connection c, String table, String current) throws SQLException {
        SqlNames n = database.sqlNames();
        List<Choice> choices = new ArrayList<>();
        boolean found = current == null;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + n.quote("uid") + ", " + n.quote("name")
                + " FROM " + n.quote(table) + " ORDER BY " + n.quote("name") + " LIMIT " + CHOICE_LIMIT);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                choices.add(new Choice(rs.getString(1), rs.getString(2)));
                found |= rs.getString(1).equals(current);
            }
        }
        if (!found) {
            String name = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + n.quote("name") + " FROM " + n.quote(table)
                    + " WHERE " + n.quote("uid") + " = ?")) {
                ps.setString(1, current);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        name = rs.getString(1);
                    }
                }
            }
            choices.add(0, new Choice(current, name != null ? name : current + " (no such " + RowValidator.word(table) + ")"));
        }
        return List.copyOf(choices);
    }

    private List<Choice> suggestions(Connection c, String table, String column) throws SQLException {
        SqlNames n = database.sqlNames();
        List<Choice> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + n.quote(column) + " FROM " + n.quote(table)
                + " WHERE " + n.quote(column) + " IS NOT NULL ORDER BY " + n.quote(column) + " LIMIT " + SUGGESTION_LIMIT);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(new Choice(rs.getString(1), rs.getString(1)));
            }
        }
        return List.copyOf(values);
    }
}
