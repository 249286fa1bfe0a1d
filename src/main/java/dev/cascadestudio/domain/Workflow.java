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

/** A workflow (step configurations live in {@code spec}). */
@Entity
@Proxy(lazy = false)
@Table(name = "workflow",
        uniqueConstraints = @UniqueConstraint(name = "uq_workflow_uid", columnNames = "uid"),
        indexes = {
            @Index(name = "ix_workflow_owner_id", columnList = "owner_id"),
            @Index(name = "ix_workflow_project_id", columnList = "project_id"),
            @Index(name = "ix_workflow_state", columnList = "state, created, uid, version"),
            @Index(name = "ix_workflow_workflow_type", columnList = "workflow_type, created, uid, version"),
            @Index(name = "ix_workflow_created", columnList = "created, uid, version")
        })
public class Workflow extends VersionedEntity {

    @Column(name = "project_id", length = UID_LENGTH, nullable = false)
    private String projectId;

    @Column(name = "workflow_type", nullable = false)
    private String workflowType;

    @Column(name = "state", nullable = false)
    private String state;

    /** The only DB-level CASCADE of the schema, and also cascaded by the ORM. */
    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "workflow_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Set<Schedule> schedules = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "workflow_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Run> runs = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "workflow_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Deployment> deployments = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "workflow_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Session> sessions = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<WorkflowLabel> labels = new HashSet<>();

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getWorkflowType() { return workflowType; }
    public void setWorkflowType(String workflowType) { this.workflowType = workflowType; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
}
