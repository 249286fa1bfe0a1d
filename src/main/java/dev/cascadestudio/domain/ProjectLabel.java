package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Project} (table {@code project_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "project_labels",
        uniqueConstraints = @UniqueConstraint(name = "_project_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_project_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_project_labels_parent", columnList = "parent")
        })
public class ProjectLabel extends LabelEntity {
}
