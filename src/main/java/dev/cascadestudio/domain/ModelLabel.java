package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Model} (table {@code model_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "model_labels",
        uniqueConstraints = @UniqueConstraint(name = "_model_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_model_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_model_labels_parent", columnList = "parent")
        })
public class ModelLabel extends LabelEntity {
}
