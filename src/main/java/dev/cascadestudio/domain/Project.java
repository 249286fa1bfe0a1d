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
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Proxy;

/** A workspace. Its seven kinds of children are deleted with it at ORM level (no ON DELETE). */
@Entity
@Proxy(lazy = false)
@Table(name = "project",
        uniqueConstraints = @UniqueConstraint(name = "uq_project_uid", columnNames = "uid"),
        indexes = {
            @Index(name = "ix_project_owner_id", columnList = "owner_id"),
            @Index(name = "ix_project_created", columnList = "created, uid, version")
        })
public class Project extends VersionedEntity {

    @ColumnDefault("''")
    @Column(name = "source", nullable = false)
    private String source = "";

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "project_id", referencedColumnName = "uid", insertable = false, updatable = false)
    private Set<DataSource> dataSources = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "project_id", referencedColumnName = "uid", insertable = false, updatable = false)
    private Set<Dataset> datasets = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "project_id", referencedColumnName = "uid", insertable = false, updatable = false)
    private Set<Model> models = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "project_id", referencedColumnName = "uid", insertable = false, updatable = false)
    private Set<Prompt> prompts = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "project_id", referencedColumnName = "uid", insertable = false, updatable = false)
    private Set<Document> documents = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "project_id", referencedColumnName = "uid", insertable = false, updatable = false)
    private Set<Workflow> workflows = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "project_id", referencedColumnName = "uid", insertable = false, updatable = false)
    private Set<Deployment> deployments = new HashSet<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<ProjectLabel> labels = new HashSet<>();

    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
}
