package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.testing.Net;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of sinks-cli-server §4 and its statuses, over a real loopback socket with the JDK
 * HttpClient; expected bodies are the spec's.
 */
class ServerRoutesTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private SondaServer server;

    private Client start(SondaServer.Builder b) {
        server = b.log(log::add).start();
        return new Client(server);
    }

    private Client start() {
        return start(SondaServer.builder());
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Client.json(created).get("id").asText();
    }

    private static void awaitSample(Client c, String id) {
        assertThat(Net.pollUntil(
                        Duration.ofSeconds(10),
                        () -> !c.get("scenarios/" + id + "/metrics").body().isEmpty()))
                .as("a first sample within 10 s")
                .isTrue();
    }

    private static void awaitState(Client c, String id, String state) {
        assertThat(Net.pollUntil(Duration.ofSeconds(10), () -> Client.json(c.get("scenarios/" + id))
                        .get("state")
                        .asText()
                        .equals(state)))
                .as("scenario %s reaches %s", id, state)
                .isTrue();
    }

    @Test
    void healthIsPublicAndAnswersOneKey() {
        Client c = start(SondaServer.builder().apiKey("k3y"));

        HttpResponse<String> r = c.get("health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void everyOtherRouteNeedsTheBearerKeyComparedExactly() {
        Client c = start(SondaServer.builder().apiKey("k3y"));
        String malformed = "{\"detail\":\"missing or malformed Authorization header\",\"error\":\"unauthorized\"}";

        for (String path : List.of("scenarios", "metrics", "scenarios/metrics", "scenarios/x", "scenarios/x/stats")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).as(path).isEqualTo(malformed);
        }
        assertThat(c.postJson("events", "{}").statusCode()).isEqualTo(401);
        assertThat(c.send(c.request("scenarios").header("Authorization", "Basic k3y"))
                        .body())
                .isEqualTo(malformed);
        assertThat(c.send(c.request("scenarios").header("Authorization", "Bearer "))
                        .body())
                .isEqualTo(malformed);
        HttpResponse<String> wrong = c.withKey("k3Y").get("scenarios");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"detail\":\"invalid API key\",\"error\":\"unauthorized\"}");
        assertThat(c.send(c.request("scenarios").header("Authorization", "BEARER k3y"))
                        .statusCode())
                .as("the scheme is case-insensitive")
                .isEqualTo(200);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithEmptyBodies() {
        Client c = start(SondaServer.builder().apiKey("k3y"));

        for (String path : List.of("nope", "scenarios/", "scenarios/a/b", "scenarios/a/stats/x", "health/")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).isEmpty();
        }
        HttpResponse<String> put =
                c.send(c.request("scenarios").PUT(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).isEmpty();
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(c.delete("health").statusCode()).isEqualTo(405);
        assertThat(c.get("events").statusCode()).isEqualTo(405);
    }

    @Test
    void aPostedScenarioIsListedInspectedScrapedAndDeleted() {
        Client c = start();

        HttpResponse<String> created = c.postYaml("scenarios", Bodies.gauge("cpu", 20, "a"));

        String id = id(created);
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        JsonNode body = Client.json(created);
        assertThat(body.fieldNames()).toIterable().containsExactly("id", "name", "state");
        assertThat(body.get("name").asText()).isEqualTo("cpu");
        assertThat(body.get("state").asText()).isIn("pending", "running");

        awaitSample(c, id);
        HttpResponse<String> scrape = c.get("scenarios/" + id + "/metrics");
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).isEqualTo("# HELP cpu A constant gauge.\n# TYPE cpu gauge\ncpu{team=\"a\"} 42\n");

        JsonNode list = Client.json(c.get("scenarios"));
        assertThat(list.get("scenarios")).hasSize(1);
        JsonNode row = list.get("scenarios").get(0);
        assertThat(row.fieldNames()).toIterable().containsExactly("id", "name", "state", "elapsed_secs", "degraded");
        assertThat(row.get("id").asText()).isEqualTo(id);
        assertThat(row.get("state").asText()).isEqualTo("running");
        assertThat(row.get("elapsed_secs").asDouble()).isPositive();
        assertThat(row.get("degraded").asBoolean()).isFalse();

        JsonNode one = Client.json(c.get("scenarios/" + id));
        assertThat(one.fieldNames())
                .toIterable()
                .containsExactly("id", "name", "state", "elapsed_secs", "degraded", "stats", "config");
        assertThat(one.get("stats").fieldNames())
                .toIterable()
                .containsExactly(
                        "total_events",
                        "current_rate",
                        "bytes_emitted",
                        "errors",
                        "consecutive_failures",
                        "total_sink_failures",
                        "last_sink_error",
                        "last_successful_write_at",
                        "degraded");
        assertThat(one.get("stats").get("total_events").asLong()).isPositive();
        assertThat(one.get("stats").get("last_sink_error").isNull()).isTrue();
        assertThat(one.get("stats").get("last_successful_write_at").asLong())
                .isCloseTo(
                        System.currentTimeMillis() * 1_000_000L, org.assertj.core.data.Offset.offset(60_000_000_000L));
        assertThat(one.get("config").get("sink").get("type").asText()).isEqualTo("memory");
        assertThat(one.get("config").get("labels").get("team").asText()).isEqualTo("a");

        JsonNode stats = Client.json(c.get("scenarios/" + id + "/stats"));
        assertThat(stats.fieldNames())
                .toIterable()
                .containsExactly(
                        "total_events",
                        "current_rate",
                        "target_rate",
                        "bytes_emitted",
                        "errors",
                        "uptime_secs",
                        "state",
                        "in_gap",
                        "in_burst",
                        "consecutive_failures",
                        "total_sink_failures",
                        "last_sink_error",
                        "last_successful_write_at",
                        "degraded",
                        "current_state_secs",
                        "cumulative_resolution_attempts");
        assertThat(stats.get("target_rate").asDouble()).isEqualTo(20.0);
        assertThat(stats.get("state").asText()).isEqualTo("running");
        assertThat(stats.get("cumulative_resolution_attempts").asInt()).isZero();

        HttpResponse<String> deleted = c.delete("scenarios/" + id);
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode d = Client.json(deleted);
        assertThat(d.fieldNames()).toIterable().containsExactly("id", "status", "total_events");
        assertThat(d.get("status").asText()).isEqualTo("stopped");
        assertThat(d.get("total_events").asLong())
                .isGreaterThanOrEqualTo(stats.get("total_events").asLong());

        String notFound = "{\"detail\":\"scenario not found: " + id + "\",\"error\":\"not_found\"}";
        for (HttpResponse<String> gone : List.of(
                c.get("scenarios/" + id),
                c.get("scenarios/" + id + "/stats"),
                c.get("scenarios/" + id + "/metrics"),
                c.delete("scenarios/" + id))) {
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo(notFound);
        }
        assertThat(Client.json(c.get("scenarios")).get("scenarios")).isEmpty();
    }

    @Test
    void aBodyOfSeveralEntriesAnswersWithEveryHandleAndTheLoopbackWarnings() {
        Client c = start();
        String yaml =
                """
                version: 2
                kind: runnable
                defaults: { rate: 1 }
                scenarios:
                  - signal_type: metrics
                    name: a
                    generator: { type: constant, value: 1 }
                    sink: { type: memory }
                  - signal_type: metrics
                    name: b
                    generator: { type: constant, value: 2 }
                    sink: { type: http_push, url: "http://user:pw@LOCALHOST:1/push" }
                """;

        HttpResponse<String> r = c.postYaml("scenarios", yaml);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = Client.json(r);
        assertThat(body.fieldNames()).toIterable().containsExactly("scenarios", "warnings");
        assertThat(body.get("scenarios")).hasSize(2);
        assertThat(body.get("scenarios").get(0).fieldNames()).toIterable().containsExactly("id", "name", "state");
        assertThat(body.get("scenarios").get(1).get("name").asText()).isEqualTo("b");
        assertThat(body.get("warnings"))
                .extracting(JsonNode::asText)
                .containsExactly("scenario entry 'b' sink `http_push` targets `http://***@LOCALHOST:1/push` — this"
                        + " host resolves to the sonda-server container's own loopback, not your host. Use a Docker"
                        + " Compose service name (e.g. `victoriametrics:8428`) or a Kubernetes Service DNS name"
                        + " instead. See docs/deployment/endpoints.md.");
        assertThat(log).anyMatch(l -> l.startsWith("WARN scenario entry 'b' sink `http_push`"));
    }

    @Test
    void aPostedWorkloadIsToldThatItsScrapeAndControlPortsAreNotOpened() {
        Client c = start();
        String yaml =
                """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: workload
                    name: fleet
                    rate: 1
                    duration: 1s
                    workload:
                      profiles:
                        p: { labels: { host: { range: [1, 3], fmt: "h-%d" } } }
                      metrics:
                        - { name: up, type: gauge, profile: p, algorithm: constant, value: 1 }
                      scrape: { port: 0 }
                    sink: { type: memory }
                """;

        HttpResponse<String> r = c.postYaml("scenarios", yaml);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(Client.json(r).get("warnings"))
                .extracting(JsonNode::asText)
                .containsExactly("scenario entry 'fleet' is a workload: the server does not open its scrape: or"
                        + " control: ports (sonda run does); its ticks go to its sink only");
    }

    @Test
    void bodiesAreYamlWithoutContentTypeOrWithYamlInItAndJsonOtherwise() {
        Client c = start();
        String json =
                """
                {"version": 2, "kind": "runnable",
                 "scenarios": [{"signal_type": "metrics", "name": "j", "rate": 1,
                \t"generator": {"type": "constant", "value": 1}, "labels": {"path": "a\\/b"},
                \t"sink": {"type": "memory"}}]}
                """;

        assertThat(c.postJson("scenarios", json).statusCode()).isEqualTo(201);
        assertThat(c.post("scenarios", null, Bodies.gauge("y", 1, "a").getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(201);
        assertThat(c.post(
                                "scenarios",
                                "text/x-yaml; charset=utf-8",
                                Bodies.gauge("z", 1, "a").getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> plain =
                c.post("scenarios", "text/plain", Bodies.gauge("p", 1, "a").getBytes(StandardCharsets.UTF_8));

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(Client.json(plain).get("error").asText()).isEqualTo("bad_request");
        assertThat(Client.json(plain).get("detail").asText())
                .startsWith("invalid JSON body: ")
                .contains("line 1");
        JsonNode config = Client.json(c.get("scenarios/"
                        + Client.json(c.get("scenarios"))
                                .get("scenarios")
                                .get(0)
                                .get("id")
                                .asText()))
                .get("config");
        assertThat(config.get("labels").get("path").asText()).isEqualTo("a/b");
    }

    @Test
    void aBodyThatIsNotAV2ScenarioIs400WithTheMigrationHint() {
        Client c = start();
        String expected = "{\"detail\":\"" + ScenarioApi.NOT_V2 + "\",\"error\":\"bad_request\"}";

        for (String body : List.of("", "version: 1\nkind: runnable\n", "kind: runnable\nname: x\n", "- a\n- b\n")) {
            HttpResponse<String> r = c.postYaml("scenarios", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).isEqualTo(expected);
        }
    }

    @Test
    void schemaProblemsAre422AndGraphProblems400AndNothingLaunches() {
        Client c = start();

        HttpResponse<String> unknownField =
                c.postYaml("scenarios", Bodies.gauge("x", 1, "a").replace("help:", "helpp:"));
        assertThat(unknownField.statusCode()).isEqualTo(422);
        assertThat(Client.json(unknownField).get("error").asText()).isEqualTo("unprocessable_entity");
        assertThat(Client.json(unknownField).get("detail").asText())
                .startsWith("v2 scenario body failed to compile: request body:9:5: scenarios[0].helpp: unknown key");

        HttpResponse<String> unknownSink =
                c.postYaml("scenarios", Bodies.gauge("x", 1, "a").replace("memory", "kafak"));
        assertThat(unknownSink.statusCode()).isEqualTo(422);
        assertThat(Client.json(unknownSink).get("detail").asText())
                .startsWith("configuration error: ")
                .contains("unknown sink type 'kafak'");

        HttpResponse<String> badRef = c.postYaml(
                "scenarios",
                """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: metrics
                    name: x
                    rate: 1
                    duration: 1h
                    generator: { type: constant, value: 1 }
                    after: { ref: nope, op: ">", value: 1 }
                    sink: { type: memory }
                """);
        assertThat(badRef.statusCode()).isEqualTo(400);
        assertThat(Client.json(badRef).get("detail").asText()).startsWith("v2 scenario body failed to compile: ");

        HttpResponse<String> pack = c.postYaml(
                "scenarios",
                """
                version: 2
                kind: composable
                name: tiny
                description: a pack
                category: test
                metrics:
                  - name: up
                    generator: { type: constant, value: 1 }
                """);
        assertThat(pack.statusCode()).isEqualTo(400);
        assertThat(pack.body())
                .isEqualTo("{\"detail\":\"v2 scenario body produced zero entries\",\"error\":\"bad_request\"}");

        assertThat(Client.json(c.get("scenarios")).get("scenarios")).isEmpty();
    }

    @Test
    void aScenarioNameStillRunningIs409UntilItsScenariosAreDeleted() {
        Client c = start();
        String named =
                """
                version: 2
                kind: runnable
                scenario_name: cascade
                scenarios:
                  - id: up
                    signal_type: metrics
                    name: up
                    rate: 1
                    generator: { type: constant, value: 1 }
                    sink: { type: memory }
                """;
        String id = id(c.postYaml("scenarios", named));
        awaitState(c, id, "running");

        HttpResponse<String> again = c.postYaml("scenarios", named);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body())
                .isEqualTo("{\"conflicting_scenarios\":[{\"id\":\"" + id + "\",\"name\":\"up\",\"state\":\"running\"}],"
                        + "\"error\":\"scenario_name 'cascade' is already running\",\"hint\":\"DELETE the conflicting"
                        + " scenarios before posting a new cascade with the same scenario_name\"}");
        assertThat(c.delete("scenarios/" + id).statusCode()).isEqualTo(200);
        assertThat(c.postYaml("scenarios", named).statusCode()).isEqualTo(201);
    }

    @Test
    void moreScenariosThanMaxScenariosIs429UntilOneIsDeleted() {
        Client c = start(SondaServer.builder().maxScenarios(2));
        String a = id(c.postYaml("scenarios", Bodies.gauge("a", 1, "a")));
        String b = id(c.postYaml("scenarios", Bodies.gauge("b", 1, "a")));
        awaitState(c, a, "running");
        awaitState(c, b, "running");

        HttpResponse<String> third = c.postYaml("scenarios", Bodies.gauge("c", 1, "a"));

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body())
                .isEqualTo("{\"by_state\":{\"finished\":0,\"held\":0,\"paused\":0,\"pending\":0,\"running\":2,"
                        + "\"unresolved\":0},\"detail\":\"2 scenarios active (max 2); DELETE finished or stuck"
                        + " scenarios to free slots\",\"error\":\"capacity_exceeded\"}");
        c.delete("scenarios/" + a);
        assertThat(c.postYaml("scenarios", Bodies.gauge("c", 1, "a")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void strictValidationRefusesUnregisteredCrossBodyRefsAndLaunchesNothing() {
        Client c = start();
        String down = Bodies.DOWNSTREAM;

        HttpResponse<String> strict = c.postYaml("scenarios?validate=strict", down);

        assertThat(strict.statusCode()).isEqualTo(422);
        assertThat(strict.body())
                .isEqualTo("{\"error\":\"unresolved_refs\",\"unresolved_refs\":[{\"scenario_name\":\"up\","
                        + "\"entry_id\":\"cpu\",\"referenced_by\":\"d\"}]}");
        assertThat(Client.json(c.get("scenarios")).get("scenarios")).isEmpty();

        HttpResponse<String> lax = c.postYaml("scenarios?validate=lax&x=1", down);
        assertThat(lax.statusCode()).isEqualTo(201);
        assertThat(Client.json(lax).get("state").asText()).isEqualTo("unresolved");
        HttpResponse<String> stopped = c.delete("scenarios/" + id(lax));
        assertThat(Client.json(stopped).get("status").asText())
                .as("a waiting scenario stops at once")
                .isEqualTo("stopped");
    }

    @Test
    void theAggregateScrapeGroupsByNameAndFiltersByLabelsAndStates() {
        Client c = start();
        String a = id(c.postYaml("scenarios", Bodies.gauge("cpu", 20, "a")));
        String b = id(c.postYaml("scenarios", Bodies.gauge("cpu", 20, "b")));
        id(c.postYaml("scenarios", Bodies.logs("app", 1)));
        awaitSample(c, a);
        awaitSample(c, b);

        String all = c.get("scenarios/metrics").body();
        assertThat(all)
                .isEqualTo("# HELP cpu A constant gauge.\n# TYPE cpu gauge\n"
                        + (a.compareTo(b) < 0
                                ? "cpu{team=\"a\"} 42\ncpu{team=\"b\"} 42\n"
                                : "cpu{team=\"b\"} 42\ncpu{team=\"a\"} 42\n"));
        assertThat(c.get("scenarios/metrics").body()).as("scrapes repeat").isEqualTo(all);
        assertThat(c.get("scenarios/metrics?label=team:b").body())
                .isEqualTo("# HELP cpu A constant gauge.\n# TYPE cpu gauge\ncpu{team=\"b\"} 42\n");
        assertThat(c.get("scenarios/metrics?label=team%3Ab&label=team:a").body())
                .isEmpty();
        assertThat(c.get("scenarios/metrics?include_state=finished").body()).isEmpty();
        assertThat(c.get("scenarios/metrics?include_state=finished&include_state=running,%20paused")
                        .body())
                .isEqualTo(all);

        assertThat(error(c.get("scenarios/metrics?label=team")))
                .isEqualTo("label filter 'team' is malformed: expected 'key:value'");
        assertThat(error(c.get("scenarios/metrics?label=:a"))).isEqualTo("label filter ':a' has an empty key");
        assertThat(error(c.get("scenarios/metrics?label=team:"))).isEqualTo("label filter 'team:' has an empty value");
        assertThat(error(c.get("scenarios/metrics?include_state=")))
                .isEqualTo("include_state requires at least one state name");
        assertThat(error(c.get("scenarios/metrics?include_state=running,,paused")))
                .isEqualTo("include_state requires at least one state name");
        assertThat(error(c.get("scenarios/metrics?include_state=running,done&label=x")))
                .as("label errors first")
                .isEqualTo("label filter 'x' is malformed: expected 'key:value'");
        assertThat(error(c.get("scenarios/metrics?include_state=running,done")))
                .isEqualTo("unknown state name 'done' in include_state — expected one of: pending, running, paused,"
                        + " held, unresolved, finished");
    }

    private static String error(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Client.json(r).get("error").asText()).isEqualTo("bad_request");
        return Client.json(r).get("detail").asText();
    }

    @Test
    void aLogScenarioScrapesEmpty() {
        Client c = start();
        String id = id(c.postYaml("scenarios", Bodies.logs("app", 50)));
        awaitState(c, id, "running");

        HttpResponse<String> r = c.get("scenarios/" + id + "/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void theServerMetricsHaveTheNineFamiliesAndCountAuthenticatedRequests() {
        Client c = start(SondaServer.builder().apiKey("k").workers(3).maxScenarios(7))
                .withKey("k");
        c.get("scenarios");
        c.get("scenarios");
        c.get("scenarios/nope");
        new Client(server).get("scenarios"); // 401: not counted
        c.get("health"); // public: not counted

        String text = c.get("metrics").body();

        List<String> families = text.lines()
                .filter(l -> l.startsWith("# TYPE "))
                .map(l -> l.substring(7))
                .toList();
        assertThat(families)
                .containsExactly(
                        "sonda_server_active_scenarios gauge",
                        "sonda_server_scenarios_finished_total counter",
                        "sonda_server_worker_threads gauge",
                        "sonda_server_max_scenarios gauge",
                        "sonda_server_requests_total counter",
                        "sonda_server_request_duration_seconds histogram",
                        "sonda_server_sink_errors_total counter",
                        "sonda_server_uptime_seconds gauge",
                        "sonda_server_build_info gauge");
        assertThat(text.lines().filter(l -> l.startsWith("# HELP "))).hasSize(9);
        assertThat(text)
                .contains("sonda_server_active_scenarios{state=\"pending\"} 0\n"
                        + "sonda_server_active_scenarios{state=\"running\"} 0\n"
                        + "sonda_server_active_scenarios{state=\"paused\"} 0\n"
                        + "sonda_server_active_scenarios{state=\"held\"} 0\n"
                        + "sonda_server_active_scenarios{state=\"unresolved\"} 0\n")
                .contains("sonda_server_worker_threads 3\n")
                .contains("sonda_server_max_scenarios 7\n")
                .contains("sonda_server_requests_total{method=\"GET\",route=\"/scenarios\",status=\"200\"} 2\n")
                .contains("sonda_server_requests_total{method=\"GET\",route=\"/scenarios/{id}\",status=\"404\"} 1\n")
                .contains(
                        "sonda_server_request_duration_seconds_bucket{le=\"+Inf\",method=\"GET\",route=\"/scenarios\"} 2\n")
                .contains("sonda_server_request_duration_seconds_count{method=\"GET\",route=\"/scenarios\"} 2\n")
                .contains("sonda_server_build_info{git_sha=\"unknown\",version=\"");
        assertThat(text).doesNotContain("status=\"401\"").doesNotContain("route=\"/health\"");
    }
}
