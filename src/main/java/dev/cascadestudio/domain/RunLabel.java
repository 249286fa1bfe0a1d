package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Run} (table {@code run_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "run_labels",
        uniqueConstraints = @UniqueConstraint(name = "_run_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_run_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_run_labels_parent", columnList = "parent")
        })
public class RunLabel extends LabelEntity {
}
