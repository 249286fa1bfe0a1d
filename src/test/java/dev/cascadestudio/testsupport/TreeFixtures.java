package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.DemoData;
import dev.cascadestudio.persistence.demo.RowBuilder;
import java.nio.file.Path;
import java.time.LocalDateTime;

/** Extra rows for tree tests on top of the demo data. */
public final class TreeFixtures {

    public static final String DOCUMENTS_PROJECT = "document-archive";

    private TreeFixtures() {}

    /**
     * A project owned by {@code ownerName} with {@code documents} documents named
     * {@code doc-00001} …, so one group is several pages long; the last document carries the label
     * {@code shelf=last}.
     */
    public static String documentsProject(Database database, String ownerName, int documents) {
        return database.fromConnection(connection -> {
            try (BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), 500)) {
                RowBuilder b = new RowBuilder(inserter, LocalDateTime.of(2026, 4, 1, 8, 0));
                String project = b.project(DOCUMENTS_PROJECT, RowBuilder.uid("user", ownerName), "Scanned contracts");
                for (int i = 1; i <= documents; i++) {
                    b.document(documentName(i), project, null, "[]");
                }
                b.label("document", "shelf", "last", documentName(documents));
                inserter.flush();
                return project;
            }
        });
    }

    /**
     * An H2 file with the demo data, {@link #documentsProject} for erin (1,200 documents) and a
     * label {@code ticket=OPS-1234} on the scheduled run {@code kb-ingestion-run-3}; closed again,
     * so a window can open it. Returns its JDBC URL.
     */
    public static String windowDatabase(Path dir) {
        try (Database database = EngineDatabases.h2(dir)) {
            DemoData.load(database);
            documentsProject(database, "erin", 1_200);
            database.fromConnection(connection -> {
                try (BatchInserter inserter = new BatchInserter(connection, database.kind(), database.sqlNames(), 10)) {
                    new RowBuilder(inserter, LocalDateTime.of(2026, 4, 2, 8, 0)).label("run", "ticket", "OPS-1234", "kb-ingestion-run-3");
                    inserter.flush();
                }
                return null;
            });
            return database.url();
        }
    }

    /**
     * Two prompts whose names differ only by a trailing space: {@code padded} in alice's
     * customer-support-assistant and {@code padded } in bob's fraud-detection (demo data needed).
     */
    public static void paddedPrompts(Database database) {
        database.fromConnection(c -> {
            try (BatchInserter inserter = new BatchInserter(c, database.kind(), database.sqlNames(), 10)) {
                RowBuilder b = new RowBuilder(inserter, LocalDateTime.of(2026, 5, 1, 8, 0));
                b.prompt("padded", RowBuilder.uid("project", "customer-support-assistant"), null, "chat");
                b.prompt("padded ", RowBuilder.uid("project", "fraud-detection"), null, "chat");
                inserter.flush();
            }
            return null;
        });
    }

    public static String documentName(int i) {
        return String.format("doc-%05d", i);
    }
}
