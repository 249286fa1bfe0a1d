package dev.cascadestudio.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Proxy;
import org.hibernate.type.SqlTypes;

/** A document of a project; {@code keywords} is a JSON list. */
@Entity
@Proxy(lazy = false)
@Table(name = "document",
        indexes = {
            @Index(name = "ix_document_owner_id", columnList = "owner_id"),
            @Index(name = "ix_document_project_id", columnList = "project_id"),
            @Index(name = "ix_document_created", columnList = "created, uid, version")
        })
public class Document extends VersionedEntity {

    @Column(name = "project_id", length = UID_LENGTH, nullable = false)
    private String projectId;

    @Column(name = "path", nullable = false)
    private String path;

    @JdbcTypeCode(SqlTypes.JSON)
    @ColumnDefault("'[]'")
    @Column(name = "keywords", nullable = false)
    private List<String> keywords = new ArrayList<>();

    @OneToMany(cascade = CascadeType.REMOVE)
    @JoinColumn(name = "parent", referencedColumnName = "name", insertable = false, updatable = false)
    private Set<DocumentLabel> labels = new HashSet<>();

    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public List<String> getKeywords() { return keywords; }
    public void setKeywords(List<String> keywords) { this.keywords = keywords; }
}
