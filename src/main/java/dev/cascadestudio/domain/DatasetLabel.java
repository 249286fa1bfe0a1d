package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Dataset} (table {@code dataset_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "dataset_labels",
        uniqueConstraints = @UniqueConstraint(name = "_dataset_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_dataset_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_dataset_labels_parent", columnList = "parent")
        })
public class DatasetLabel extends LabelEntity {
}
