package dev.cascadestudio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

/**
 * A versioned controller table: composite key (uid, version) and an {@code owner_id} that
 * {@link User} nulls on delete (declared on {@link User}'s side of the mapping).
 */
@MappedSuperclass
@IdClass(VersionedKey.class)
public abstract class VersionedEntity extends BaseEntity {

    @Id
    @Column(name = "uid", length = UID_LENGTH, nullable = false)
    private String uid;

    @Id
    @Column(name = "version", length = NAME_LENGTH, nullable = false)
    private String version = "";

    @Column(name = "owner_id", length = UID_LENGTH)
    private String ownerId;

    @Override public String getUid() { return uid; }
    public void setUid(String uid) { this.uid = uid; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
}
