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

/** A dataset of a project. */
@Entity
@Proxy(lazy = false)
@Table(name = "dataset",
        indexes = {
            @Index(name = "ix_dataset_owner_id", columnList = "owner_id"),
            @Index(name = "ix_dataset_project_id", columnList = "project_id"),
            @Index(name = "ix_dataset_created", columnList = "created, uid, version")
        })
public class Dataset extends VersionedEntity {

    @Column(name = "project_id", length = UID_LENGTH, nullable = false)
    private String projectId;

    @Column(name = "task", nullable = false)
    private String task;

    @Column(name = "path")
    private String path;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<DatasetLabel> labels = new HashSet<>();

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getTask() { return task; }
    public void setTask(String task) { this.task = task; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
}
