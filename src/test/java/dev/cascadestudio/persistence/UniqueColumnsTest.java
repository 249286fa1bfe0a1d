package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.testsupport.EngineDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the database keeps unique, read from the driver's metadata, on every product: the controller's DDL and the
 * mapping give every table a primary key and a unique name, and every label table a unique (name, parent).
 */
class UniqueColumnsTest {

    @TempDir Path dir;
    Database database;

    @AfterEach
    void close() {
        if (database != null) EngineDatabases.close(database);
    }

    @ParameterizedTest
    @EnumSource(EngineDatabases.Kind.class)
    void keysAndNamesAreKeptUniqueAndOtherColumnsAreNot(EngineDatabases.Kind kind) {
        database = EngineDatabases.open(kind, dir);

        database.fromConnection(c -> {
            UniqueColumns unique = new UniqueColumns(c);
            assertThat(unique.keeps("run", List.of("uid", "version"))).as("run's key").isTrue();
            assertThat(unique.keeps("run", List.of("name"))).as("run's name").isTrue();
            assertThat(unique.keeps("user", List.of("uid"))).as("user's key").isTrue();
            assertThat(unique.keeps("run_labels", List.of("name", "parent"))).as("a label's name under its row").isTrue();
            assertThat(unique.keeps("run", List.of("description"))).isFalse();
            assertThat(unique.keeps("run", List.of("version"))).as("a part of the key alone").isFalse();
            assertThat(unique.keeps("run_labels", List.of("name"))).as("a label's name alone").isFalse();
            return null;
        });
    }
}
