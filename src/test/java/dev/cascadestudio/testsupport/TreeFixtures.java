package dev.cascadestudio.testsupport;

import dev.cascadestudio.persistence.BatchInserter;
import dev.cascadestudio.persistence.Database;
import dev.cascadestudio.persistence.demo.RowBuilder;
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

    public static String documentName(int i) {
        return String.format("doc-%05d", i);
    }
}
