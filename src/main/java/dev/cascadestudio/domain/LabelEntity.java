package dev.cascadestudio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A row of a {@code T_labels} table: a key/value pair whose {@code parent} is the owning row's
 * {@code name} (not its uid), exactly as the controller stores it.
 */
@MappedSuperclass
public abstract class LabelEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "uid")
    private Long uid;

    @Column(name = "name", length = BaseEntity.NAME_LENGTH)
    private String name;

    @Column(name = "value", length = BaseEntity.NAME_LENGTH)
    private String value;

    @Column(name = "parent", length = BaseEntity.NAME_LENGTH)
    private String parent;

    public Long getUid() { return uid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getParent() { return parent; }
    public void setParent(String parent) { this.parent = parent; }
}
