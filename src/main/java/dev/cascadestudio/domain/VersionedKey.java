package dev.cascadestudio.domain;

import java.io.Serializable;
import java.util.Objects;

/** Composite key (uid, version) of every table except {@code user}. */
public class VersionedKey implements Serializable {
    private String uid;
    private String version;

    public VersionedKey() {}

    public VersionedKey(String uid, String version) {
        this.uid = uid;
        this.version = version;
    }

    public String getUid() { return uid; }
    public String getVersion() { return version; }

    @Override public boolean equals(Object o) {
        return o instanceof VersionedKey k && Objects.equals(uid, k.uid) && Objects.equals(version, k.version);
    }
    @Override public int hashCode() { return Objects.hash(uid, version); }
    @Override public String toString() { return version.isEmpty() ? uid : uid + "@" + version; }
}
