package dev.fraudscore.batch;

import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/** Every key under a namespace with its value, by type, the namespace cut off: comparable across prefixes. */
final class RedisDump {

    private RedisDump() {
    }

    static Map<String, Object> of(Jedis jedis, String namespace) {
        Map<String, Object> out = new TreeMap<>();
        ScanParams params = new ScanParams().match(StagedState.glob(namespace) + "*").count(1_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            for (String key : page.getResult()) {
                out.put(key.substring(namespace.length()), value(jedis, key));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return out;
    }

    private static Object value(Jedis jedis, String key) {
        return switch (jedis.type(key)) {
            case "string" -> jedis.get(key);
            case "hash" -> new TreeMap<>(jedis.hgetAll(key));
            case "zset" -> {
                Map<String, Double> members = new TreeMap<>();
                for (Tuple t : jedis.zrangeWithScores(key, 0, -1)) {
                    members.put(t.getElement(), t.getScore());
                }
                yield members;
            }
            default -> throw new IllegalStateException(key + " has an unexpected type");
        };
    }
}
