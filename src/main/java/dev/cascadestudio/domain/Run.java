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

/** A run of a workflow, possibly started by a schedule. Survives both (SET NULL). */
@Entity
@Proxy(lazy = false)
// ix_run_status and ix_run_created end with the key (uid, version): an index ending with it serves the grid's order by
// its first column as a whole (GridService; DatabaseProduct.orderTieBreak), so the first page of 371,728 runs by status
// or by time reads about 100 index entries instead of sorting every run. Within a status the runs follow their time,
// not their uid: a delete's rows, made together, then sit on few pages of the index. Ordered by uid there, a project
// of 807 rows left H2 so much unsaved memory that it wrote its store in the middle of the commit, which only a backup
// of the file makes safe (CrashDuringCommitTest). A controller's own files have ix_run_status on status alone.
@Table(name = "run",
        indexes = {
            @Index(name = "ix_run_owner_id", columnList = "owner_id"),
            @Index(name = "ix_run_workflow_id", columnList = "workflow_id"),
            @Index(name = "ix_run_schedule_id", columnList = "schedule_id"),
            @Index(name = "ix_run_status", columnList = "status, created, uid, version"),
            @Index(name = "ix_run_created", columnList = "created, uid, version")
        })
public class Run extends VersionedEntity {

    @Column(name = "workflow_id", length = UID_LENGTH)
    private String workflowId;

    @Column(name = "schedule_id", length = UID_LENGTH)
    private String scheduleId;

    @Column(name = "status", nullable = false)
    private String status;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<RunLabel> labels = new HashSet<>();

    public String getWorkflowId() { return workflowId; }
    public void setWorkflowId(String workflowId) { this.workflowId = workflowId; }
    public String getScheduleId() { return scheduleId; }
    public void setScheduleId(String scheduleId) { this.scheduleId = scheduleId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
