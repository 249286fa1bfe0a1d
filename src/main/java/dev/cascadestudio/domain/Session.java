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

/** A chat session, optionally bound to a workflow. */
@Entity
@Proxy(lazy = false)
@Table(name = "session",
        indexes = {
            @Index(name = "ix_session_owner_id", columnList = "owner_id"),
            @Index(name = "ix_session_workflow_id", columnList = "workflow_id"),
            @Index(name = "ix_session_created", columnList = "created, uid, version")
        })
public class Session extends VersionedEntity {

    @Column(name = "workflow_id", length = UID_LENGTH)
    private String workflowId;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<SessionLabel> labels = new HashSet<>();

    public String getWorkflowId() { return workflowId; }
    public void setWorkflowId(String workflowId) { this.workflowId = workflowId; }
}
