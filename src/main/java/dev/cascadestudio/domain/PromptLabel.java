package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Prompt} (table {@code prompt_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "prompt_labels",
        uniqueConstraints = @UniqueConstraint(name = "_prompt_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_prompt_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_prompt_labels_parent", columnList = "parent")
        })
public class PromptLabel extends LabelEntity {
}
