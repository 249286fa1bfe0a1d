package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Deployment} (table {@code deployment_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "deployment_labels",
        uniqueConstraints = @UniqueConstraint(name = "_deployment_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_deployment_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_deployment_labels_parent", columnList = "parent")
        })
public class DeploymentLabel extends LabelEntity {
}
