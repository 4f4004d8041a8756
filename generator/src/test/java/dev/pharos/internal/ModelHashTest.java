package dev.pharos.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model hashes: by content, except long texts vouched for by identity, which count as the hash they stand for. */
class ModelHashTest {

    private record View(String title, String html, List<String> tags) {
    }

    private static HashValue128 hash(Object model, ModelHash.Vouched vouched) throws Exception {
        HashStream128 hash = CacheFolder.hash();
        ModelHash.add(hash, model, vouched);
        return hash.get();
    }

    @Test
    void modelsHashByContentAndEveryPartCounts() throws Exception {
        ModelHash.Vouched none = new ModelHash.Vouched();
        String body = "<p>" + "Deposits are credited after 12 confirmations. ".repeat(20) + "</p>";
        Map<String, Object> model = Map.of("page", new View("Deposits", body, List.of("fees")));
        assertThat(hash(model, none)).isEqualTo(hash(Map.of("page", new View("Deposits", new String(body), List.of("fees"))), none));
        assertThat(hash(model, none)).isNotEqualTo(hash(Map.of("page", new View("Deposits", body + " ", List.of("fees"))), none));
        assertThat(hash(model, none)).isNotEqualTo(hash(Map.of("page", new View("Deposits", body, List.of("fee"))), none));
        assertThat(hash(List.of("ab", "c"), none)).isNotEqualTo(hash(List.of("a", "bc"), none));
    }

    @Test
    void aVouchedTextCountsAsItsHashByIdentityOnly() throws Exception {
        String body = "<p>" + "Withdrawals above the daily limit wait for a review. ".repeat(20) + "</p>";
        HashValue128 token = new HashValue128(1, 2);
        ModelHash.Vouched vouched = new ModelHash.Vouched();
        vouched.put(body, token);
        String otherBody = "<p>" + "Another text of the same key. ".repeat(40) + "</p>";
        ModelHash.Vouched same = new ModelHash.Vouched();
        same.put(otherBody, token);

        // The very object: its token, whatever its characters.
        assertThat(hash(new View("T", body, List.of()), vouched)).isEqualTo(hash(new View("T", otherBody, List.of()), same));
        // An equal text that is another object is hashed by content, as without vouching.
        assertThat(hash(new View("T", new String(body), List.of()), vouched))
                .isEqualTo(hash(new View("T", body, List.of()), new ModelHash.Vouched()))
                .isNotEqualTo(hash(new View("T", body, List.of()), vouched));
        // Short texts are never vouched for: a lookup would cost as much as hashing them.
        String title = "Deposits";
        ModelHash.Vouched shortOne = new ModelHash.Vouched();
        shortOne.put(title, token);
        assertThat(hash(title, shortOne)).isEqualTo(hash(title, new ModelHash.Vouched()));
    }
}
