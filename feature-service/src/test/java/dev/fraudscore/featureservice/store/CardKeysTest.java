package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardKeysTest {

    private final CardKeys keys = new CardKeys("fs:", "fraud_v1");

    @Test
    void everyKeyOfACardCarriesTheCardAsHashTag() {
        List<String> all = keys.forTransaction("card-9", "tx-1");

        assertThat(all).containsExactly("fs:fraud_v1:{card-9}:w", "fs:fraud_v1:{card-9}:m", "fs:fraud_v1:{card-9}:t:tx-1",
                "fs:fraud_v1:{card-9}:tx:tx-1");
        assertThat(all).extracting(CardKeysTest::hashTag).containsOnly("card-9");
    }

    /** The part of a key Redis Cluster hashes: between the first '{' and the next '}'. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        return key.substring(open + 1, key.indexOf('}', open));
    }
}
