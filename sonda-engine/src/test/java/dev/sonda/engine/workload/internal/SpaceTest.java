package dev.sonda.engine.workload.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.workload.LabelDim;
import dev.sonda.api.workload.LabelProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceTest {

    private static List<String> labelSet(Space s, int position) {
        long p = s.productIndex(position);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.labelCount(); k++) {
            out.add(s.names[k] + "=" + s.values[k][s.valueIndex(p, k)]);
        }
        return out;
    }

    @Test
    void theProductRunsInOdometerOrderFirstLabelSlowest() {
        Space s = Space.of(
                List.of(LabelDim.values("region", "us", "eu"), LabelDim.range("instance", 1, 3, "i-%02d")),
                null,
                LabelProfile.Sampling.FIRST);

        assertThat(s.size()).isEqualTo(6);
        assertThat(List.of(labelSet(s, 0), labelSet(s, 2), labelSet(s, 3), labelSet(s, 5)))
                .containsExactly(
                        List.of("region=us", "instance=i-01"),
                        List.of("region=us", "instance=i-03"),
                        List.of("region=eu", "instance=i-01"),
                        List.of("region=eu", "instance=i-03"));
    }

    @Test
    void firstSamplingKeepsTheFirstCombinations() {
        Space s = Space.of(List.of(LabelDim.range("id", 1, 10, null)), 3L, LabelProfile.Sampling.FIRST);

        assertThat(List.of(labelSet(s, 0), labelSet(s, 1), labelSet(s, 2)))
                .containsExactly(List.of("id=1"), List.of("id=2"), List.of("id=3"));
    }

    @Test
    void hashSamplingKeepsMockingbirdsSelectionInHashOrder() {
        // Anchor from the Mockingbird spec: range 1..10, cap 3, hash -> id=2, id=6, id=9 in that order.
        Space s = Space.of(List.of(LabelDim.range("id", 1, 10, null)), 3L, LabelProfile.Sampling.HASH);

        assertThat(List.of(labelSet(s, 0), labelSet(s, 1), labelSet(s, 2)))
                .containsExactly(List.of("id=2"), List.of("id=6"), List.of("id=9"));
    }

    @Test
    void hashSamplingOfTheHighCardinalityExampleStartsWithMockingbirdsFirstFive() throws Exception {
        // configs/high_cardinality.example.yaml: 100000 users x 5 endpoints x 3 regions, cap 150000, hash.
        Space s = Space.of(
                List.of(
                        LabelDim.range("user_id", 1, 100_000, "user_%05d"),
                        LabelDim.values("endpoint", "/api/a", "/api/b", "/api/c", "/api/d", "/api/e"),
                        LabelDim.values("region", "us-east-1", "eu-west-1", "ap-south-1")),
                150_000L,
                LabelProfile.Sampling.HASH);

        assertThat(s.size()).isEqualTo(150_000);
        assertThat(List.of(labelSet(s, 0), labelSet(s, 1), labelSet(s, 2), labelSet(s, 3), labelSet(s, 4)))
                .containsExactly(
                        List.of("user_id=user_17271", "endpoint=/api/b", "region=us-east-1"),
                        List.of("user_id=user_62955", "endpoint=/api/c", "region=us-east-1"),
                        List.of("user_id=user_63552", "endpoint=/api/a", "region=eu-west-1"),
                        List.of("user_id=user_74069", "endpoint=/api/e", "region=ap-south-1"),
                        List.of("user_id=user_58901", "endpoint=/api/a", "region=eu-west-1"));
        byte[] md5 = MessageDigest.getInstance("MD5")
                .digest("endpoint=/api/b,region=us-east-1,user_id=user_17271".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(md5)).isEqualTo("00002bf78b25b395691b026ca56f373f");
    }

    @Test
    void aSpaceTooLargeForOneProcessNamesSeriesCapAndShard() {
        assertThatThrownBy(() -> Space.of(
                        List.of(LabelDim.range("a", 1, 100_000, null), LabelDim.range("b", 1, 100_000, null)),
                        null,
                        LabelProfile.Sampling.FIRST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10000000000 series")
                .hasMessageContaining("series_cap")
                .hasMessageContaining("shard");
    }

    @Test
    void theSameLabelsCapAndSamplingMakeTheSameSpace() {
        List<LabelDim> dims = List.of(LabelDim.values("a", "x", "y"));
        assertThat(Space.of(dims, null, LabelProfile.Sampling.FIRST)
                        .sameAs(Space.of(dims, null, LabelProfile.Sampling.FIRST)))
                .isTrue();
        assertThat(Space.of(dims, 1L, LabelProfile.Sampling.FIRST)
                        .sameAs(Space.of(dims, null, LabelProfile.Sampling.FIRST)))
                .isFalse();
    }
}
