package io.timetocompute.api.infrastructure;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The keys of the embedded store's unique indexes, stored and ordered as mongo-java-server's H2 backend stores and
 * orders them, with each key serialized once instead of at every use. Its keys ({@link KeyValue}) are not
 * {@link Comparable}, so MVStore orders them by their Java serialization, serializing both sides of every
 * comparison, and serializes them again whenever it writes their page: a lookup in the {@code _id} index of
 * 100,000 events compares about 17 keys, and serializing was most of the store's time while ingesting. The bytes
 * and the order are the same, so a store file written by either is read by the other.
 */
final class SerializedKeyOrder extends ObjectDataType {

    /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, which H2 does not make public: the tag of a serialized key. */
    static final byte SERIALIZED_OBJECT = 19;

    /** By identity, held weakly: a key's bytes live as long as the key does, in a page or in a lookup. */
    private static final Cache<Object, byte[]> SERIALIZED = Caffeine.newBuilder().weakKeys().build();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(serialized(a), serialized(b));
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object obj) {
        // What H2 estimates for serialized objects once it has seen a few: twice their length.
        return obj instanceof KeyValue ? 2 * serialized(obj).length : super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue) {
            byte[] data = serialized(obj);
            buff.put(SERIALIZED_OBJECT).putVarInt(data.length).put(data);
        } else {
            super.write(buff, obj);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != SERIALIZED_OBJECT) {
            return super.read(buff);
        }
        buff.get();
        byte[] data = new byte[DataUtils.readVarInt(buff)];
        buff.get(data);
        Object key = deserialize(data);
        if (key instanceof KeyValue) {
            SERIALIZED.put(key, data);
        }
        return key;
    }

    private static byte[] serialized(Object key) {
        return SERIALIZED.get(key, ObjectDataType::serialize);
    }
}
