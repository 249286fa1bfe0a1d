package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Workflow} (table {@code workflow_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "workflow_labels",
        uniqueConstraints = @UniqueConstraint(name = "_workflow_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_workflow_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_workflow_labels_parent", columnList = "parent")
        })
public class WorkflowLabel extends LabelEntity {
}
