package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.testing.Net;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code while:} across POSTed bodies (scenarios-scheduling §4.6, sinks-cli-server §4.15): a
 * downstream waits unresolved for a body that is not running, follows it once it is POSTed, and
 * waits again when it is deleted.
 */
class CrossPostTest {
    private static final String UPSTREAM =
            """
            version: 2
            kind: runnable
            scenario_name: up
            scenarios:
              - id: cpu
                signal_type: metrics
                name: cpu
                rate: 20
                generator: { type: constant, value: %s }
                sink: { type: memory }
            """;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private SondaServer server;
    private Client c;

    @BeforeEach
    void start() {
        server = SondaServer.builder().log(log::add).start();
        c = new Client(server);
    }

    @AfterEach
    void close() {
        server.close();
    }

    private void awaitState(String id, String state) {
        assertThat(Net.pollUntil(Duration.ofSeconds(10), () -> Client.json(c.get("scenarios/" + id))
                        .get("state")
                        .asText()
                        .equals(state)))
                .as(
                        "%s reaches %s, is %s",
                        id, state, Client.json(c.get("scenarios/" + id)).get("state"))
                .isTrue();
    }

    @Test
    void aDownstreamWaitsUnresolvedFollowsItsUpstreamAndWaitsAgainWhenItIsDeleted() {
        Instant before = Instant.now();
        String down = Client.json(c.postYaml("scenarios", Bodies.DOWNSTREAM))
                .get("id")
                .asText();

        JsonNode waiting = Client.json(c.get("scenarios/" + down));
        assertThat(waiting.get("state").asText()).isEqualTo("unresolved");
        JsonNode ref = waiting.get("pending_ref");
        assertThat(ref.fieldNames())
                .toIterable()
                .containsExactly("scenario_name", "entry_id", "if_unresolved", "registered_at", "attempts");
        assertThat(ref.get("scenario_name").asText()).isEqualTo("up");
        assertThat(ref.get("entry_id").asText()).isEqualTo("cpu");
        assertThat(ref.get("if_unresolved").asText()).isEqualTo("pending");
        assertThat(Instant.parse(ref.get("registered_at").asText())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(ref.get("attempts").asInt()).isZero();
        assertThat(c.get("scenarios/" + down + "/metrics").body()).isEmpty();

        String up = Client.json(c.postYaml("scenarios", UPSTREAM.formatted(100)))
                .get("id")
                .asText();

        awaitState(down, "running");
        assertThat(Client.json(c.get("scenarios/" + down)).has("pending_ref")).isFalse();
        assertThat(Client.json(c.get("scenarios/" + down + "/stats"))
                        .get("cumulative_resolution_attempts")
                        .asInt())
                .isEqualTo(1);
        assertThat(Net.pollUntil(
                        Duration.ofSeconds(5),
                        () -> c.get("scenarios/" + down + "/metrics").body().contains("d 1")))
                .isTrue();

        c.delete("scenarios/" + up);

        awaitState(down, "unresolved");
        assertThat(Client.json(c.get("scenarios/" + down))
                        .get("pending_ref")
                        .get("attempts")
                        .asInt())
                .isEqualTo(1);

        c.postYaml("scenarios", UPSTREAM.formatted(100));
        awaitState(down, "running");
        assertThat(Client.json(c.get("scenarios/" + down + "/stats"))
                        .get("cumulative_resolution_attempts")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void anUpstreamBelowTheThresholdPausesTheDownstream() {
        String down = Client.json(c.postYaml("scenarios", Bodies.DOWNSTREAM))
                .get("id")
                .asText();

        c.postYaml("scenarios", UPSTREAM.formatted(10));

        awaitState(down, "paused");
        assertThat(c.get("scenarios/" + down + "/metrics").body()).isEmpty();
        assertThat(c.get("metrics").body()).contains("sonda_server_active_scenarios{state=\"paused\"} 1\n");
    }

    @Test
    void strictValidationPassesOnceTheUpstreamRuns() {
        assertThat(c.postYaml("scenarios?validate=strict", Bodies.DOWNSTREAM).statusCode())
                .isEqualTo(422);

        c.postYaml("scenarios", UPSTREAM.formatted(100));

        assertThat(c.postYaml("scenarios?validate=strict", Bodies.DOWNSTREAM).statusCode())
                .isEqualTo(201);
    }
}
