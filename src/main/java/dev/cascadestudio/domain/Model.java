package dev.cascadestudio.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.Proxy;

/** A model of a project; deployments that serve it lose their {@code model_id} when it goes. */
@Entity
@Proxy(lazy = false)
@Table(name = "model",
        uniqueConstraints = @UniqueConstraint(name = "uq_model_uid", columnNames = "uid"),
        indexes = {
            @Index(name = "ix_model_owner_id", columnList = "owner_id"),
            @Index(name = "ix_model_project_id", columnList = "project_id"),
            @Index(name = "ix_model_created", columnList = "created, uid, version")
        })
public class Model extends VersionedEntity {

    @Column(name = "project_id", length = UID_LENGTH, nullable = false)
    private String projectId;

    @Column(name = "is_adapter", nullable = false)
    private boolean adapter;

    @Column(name = "task", nullable = false)
    private String task;

    @OneToMany
    @JoinColumn(name = "model_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Deployment> deployments = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<ModelLabel> labels = new HashSet<>();

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public boolean isAdapter() { return adapter; }
    public void setAdapter(boolean adapter) { this.adapter = adapter; }
    public String getTask() { return task; }
    public void setTask(String task) { this.task = task; }
}
