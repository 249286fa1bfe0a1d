package dev.cascadestudio.cascade;

import dev.cascadestudio.persistence.DatabaseProduct;
import java.util.List;

/**
 * Many chosen rows' uids bound as one parameter of a statement ({@link DatabaseProduct#inKeyList}): an
 * array on H2 and PostgreSQL, a JSON array on SQLite. A {@link CommitStatement}'s parameters hold it as
 * it is, so that a report can say what it stands for ({@link #keys}) and show it as SQL ({@link #literal}).
 */
public final class KeyList {

    private final List<String> keys;
    private final Object bound;

    KeyList(List<String> keys, DatabaseProduct product) {
        this.keys = List.copyOf(keys);
        this.bound = product.keyList(this.keys);
    }

    /** The uids, in the order bound. */
    public List<String> keys() {
        return keys;
    }

    /** The value the statement binds. */
    Object bound() {
        return bound;
    }

    /**
     * The parameter as an SQL literal, for a person to read: an array as the standard array constructor
     * {@code ARRAY['a', 'b']}, which H2 and PostgreSQL read; a JSON array as a string, {@code '["a","b"]'}.
     */
    public String literal() {
        if (bound instanceof Object[] array) {
            StringBuilder out = new StringBuilder("ARRAY[");
            for (int i = 0; i < array.length; i++) {
                out.append(i == 0 ? "" : ", ").append(Sql.literal(array[i]));
            }
            return out.append(']').toString();
        }
        return Sql.literal(bound);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyList other && keys.equals(other.keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    /** {@link #literal()}. */
    @Override
    public String toString() {
        return literal();
    }
}
