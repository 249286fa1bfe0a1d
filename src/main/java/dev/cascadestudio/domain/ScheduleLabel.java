package dev.cascadestudio.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Proxy;

/** A label of {@link Schedule} (table {@code schedule_labels}). */
@Entity
@Proxy(lazy = false)
@Table(name = "schedule_labels",
        uniqueConstraints = @UniqueConstraint(name = "_schedule_labels_uc", columnNames = {"name", "parent"}),
        indexes = {
            @Index(name = "idx_schedule_labels_name_value", columnList = "name, value"),
            @Index(name = "ix_schedule_labels_parent", columnList = "parent")
        })
public class ScheduleLabel extends LabelEntity {
}
