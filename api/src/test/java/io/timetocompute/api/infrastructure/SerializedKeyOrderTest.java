package io.timetocompute.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** The embedded store's index keys are ordered and stored exactly as H2 orders and stores them by default. */
class SerializedKeyOrderTest {

    private final SerializedKeyOrder order = new SerializedKeyOrder();
    private final ObjectDataType stock = new ObjectDataType();

    @Test
    void ordersKeysAsH2DoesByDefault() {
        List<Object> keys = keys();
        for (Object a : keys) {
            for (Object b : keys) {
                assertThat(Integer.signum(order.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(stock.compare(a, b)));
            }
        }
    }

    @Test
    void writesTheBytesH2WritesAndReadsThemBoth() {
        for (Object key : keys()) {
            byte[] ours = written(order, key);
            assertThat(ours).as("%s", key).isEqualTo(written(stock, key));
            assertThat(stock.read(ByteBuffer.wrap(ours))).isEqualTo(key);
            Object read = order.read(ByteBuffer.wrap(ours));
            assertThat(read).isEqualTo(key);
            assertThat(order.compare(read, key)).isZero();
        }
    }

    private static byte[] written(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    /** Keys of the kinds an index holds: ids of every type, compound keys, and plain values. */
    private static List<Object> keys() {
        Random random = new Random(7);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(new KeyValue(UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString()));
            keys.add(new KeyValue(random.nextLong()));
            keys.add(new KeyValue(random.nextInt(1000)));
        }
        keys.add(new KeyValue(new ObjectId()));
        keys.add(new KeyValue("shipment:SHP-1", 3L));
        keys.add(new KeyValue(new Document("site", "S1").append("block", 2)));
        keys.add("a plain string");
        keys.add(42L);
        return keys;
    }
}
