package dev.cascadestudio.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.Proxy;

/**
 * A controller user. Every other table's {@code owner_id} references it with ON DELETE SET NULL;
 * those rules are declared here, on the parent side, like every other foreign-key rule.
 */
@Entity
@Proxy(lazy = false)
@Table(name = "user",
        indexes = @Index(name = "ix_user_created", columnList = "created, uid"))
public class User extends BaseEntity {

    @Id
    @Column(name = "uid", length = UID_LENGTH, nullable = false)
    private String uid;

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Project> ownedProjects = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<DataSource> ownedDataSources = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Dataset> ownedDatasets = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Model> ownedModels = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Prompt> ownedPrompts = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Document> ownedDocuments = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Workflow> ownedWorkflows = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Session> ownedSessions = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Deployment> ownedDeployments = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Schedule> ownedSchedules = new HashSet<>();

    @OneToMany
    @JoinColumn(name = "owner_id", referencedColumnName = "uid", insertable = false, updatable = false)
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Set<Run> ownedRuns = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<UserLabel> labels = new HashSet<>();

    @Override public String getUid() { return uid; }
    public void setUid(String uid) { this.uid = uid; }
}
