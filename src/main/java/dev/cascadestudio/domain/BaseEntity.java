package dev.cascadestudio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The columns every controller table has: name (unique), description, timestamps, spec. */
@MappedSuperclass
public abstract class BaseEntity {

    public static final int NAME_LENGTH = 255;
    public static final int UID_LENGTH = 64;

    @Column(name = "name", length = NAME_LENGTH, nullable = false, unique = true)
    private String name;

    @Column(name = "description", length = 65_535)
    private String description;

    @Column(name = "created", nullable = false)
    private LocalDateTime created;

    @Column(name = "updated")
    private LocalDateTime updated;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "spec")
    private String spec;

    public abstract String getUid();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDateTime getCreated() { return created; }
    public void setCreated(LocalDateTime created) { this.created = created; }
    public LocalDateTime getUpdated() { return updated; }
    public void setUpdated(LocalDateTime updated) { this.updated = updated; }
    public String getSpec() { return spec; }
    public void setSpec(String spec) { this.spec = spec; }
}
