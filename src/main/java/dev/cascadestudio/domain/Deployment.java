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

/** A deployment of a project, serving a workflow and/or a model (possibly another project's). */
@Entity
@Proxy(lazy = false)
@Table(name = "deployment",
        indexes = {
            @Index(name = "ix_deployment_owner_id", columnList = "owner_id"),
            @Index(name = "ix_deployment_project_id", columnList = "project_id"),
            @Index(name = "ix_deployment_workflow_id", columnList = "workflow_id"),
            @Index(name = "ix_deployment_model_id", columnList = "model_id"),
            @Index(name = "ix_deployment_created", columnList = "created, uid, version")
        })
public class Deployment extends VersionedEntity {

    @Column(name = "project_id", length = UID_LENGTH, nullable = false)
    private String projectId;

    @Column(name = "workflow_id", length = UID_LENGTH)
    private String workflowId;

    @Column(name = "model_id", length = UID_LENGTH)
    private String modelId;

    @Column(name = "is_remote", nullable = false)
    private boolean remote;

    @Column(name = "type", nullable = false)
    private String type;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<DeploymentLabel> labels = new HashSet<>();

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getWorkflowId() { return workflowId; }
    public void setWorkflowId(String workflowId) { this.workflowId = workflowId; }
    public String getModelId() { return modelId; }
    public void setModelId(String modelId) { this.modelId = modelId; }
    public boolean isRemote() { return remote; }
    public void setRemote(boolean remote) { this.remote = remote; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
}
