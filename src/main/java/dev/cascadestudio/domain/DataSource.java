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

/** A data source of a project. */
@Entity
@Proxy(lazy = false)
@Table(name = "data_source",
        indexes = {
            @Index(name = "ix_data_source_owner_id", columnList = "owner_id"),
            @Index(name = "ix_data_source_project_id", columnList = "project_id"),
            @Index(name = "ix_data_source_created", columnList = "created, uid, version")
        })
public class DataSource extends VersionedEntity {

    @Column(name = "project_id", length = UID_LENGTH, nullable = false)
    private String projectId;

    @Column(name = "data_source_type", nullable = false)
    private String dataSourceType;

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<DataSourceLabel> labels = new HashSet<>();

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getDataSourceType() { return dataSourceType; }
    public void setDataSourceType(String dataSourceType) { this.dataSourceType = dataSourceType; }
}
