package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Document} (table {@code document_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "document_labels",
        uniqueConstraints = @UniqueConstraint(name = "_document_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_document_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_document_labels_parent", columnList = "parent")
        })
public class DocumentLabel extends LabelEntity {
}
