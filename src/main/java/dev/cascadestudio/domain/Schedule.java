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

/** A schedule of a workflow; deleted with it (DB-level CASCADE). */
@Entity
@Proxy(lazy = false)
@Table(name = "schedule",
        uniqueConstraints = @UniqueConstraint(name = "uq_schedule_uid", columnNames = "uid"),
        indexes = {
            @Index(name = "ix_schedule_owner_id", columnList = "owner_id"),
            @Index(name = "ix_schedule_workflow_id", columnList = "workflow_id"),
            @Index(name = "ix_schedule_status", columnList = "status, created, uid, version"),
            @Index(name = "ix_schedule_created", columnList = "created, uid, version")
        })
public class Schedule extends VersionedEntity {

    @Column(name = "workflow_id", length = UID_LENGTH, nullable = false)
    private String workflowId;

    @Column(name = "status", nullable = false)
    private String status;

    @OneToMany
    @JoinColumn(name = "schedule_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Run> runs = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<ScheduleLabel> labels = new HashSet<>();

    public String getWorkflowId() { return workflowId; }
    public void setWorkflowId(String workflowId) { this.workflowId = workflowId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
