package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link User} (table {@code user_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "user_labels",
        uniqueConstraints = @UniqueConstraint(name = "_user_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_user_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_user_labels_parent", columnList = "parent")
        })
public class UserLabel extends LabelEntity {
}
