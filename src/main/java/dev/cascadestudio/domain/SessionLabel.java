package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Session} (table {@code session_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "session_labels",
        uniqueConstraints = @UniqueConstraint(name = "_session_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_session_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_session_labels_parent", columnList = "parent")
        })
public class SessionLabel extends LabelEntity {
}
