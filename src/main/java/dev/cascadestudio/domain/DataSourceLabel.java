package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link DataSource} (table {@code data_source_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "data_source_labels",
        uniqueConstraints = @UniqueConstraint(name = "_data_source_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_data_source_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_data_source_labels_parent", columnList = "parent")
        })
public class DataSourceLabel extends LabelEntity {
}
