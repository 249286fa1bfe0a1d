package dev.cascadestudio.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Proxy;

/** A prompt template of a project. */
@Entity
@Proxy(lazy = false)
@Table(name = "prompt",
        indexes = {
            @Index(name = "ix_prompt_owner_id", columnList = "owner_id"),
            @Index(name = "ix_prompt_project_id", columnList = "project_id"),
            @Index(name = "ix_prompt_created", columnList = "created, uid, version")
        })
public class Prompt extends VersionedEntity {

    @Column(name = "project_id", length = UID_LENGTH, nullable = false)
    private String projectId;

    @Column(name = "format", nullable = false)
    private String format;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<PromptLabel> labels = new HashSet<>();

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
}
