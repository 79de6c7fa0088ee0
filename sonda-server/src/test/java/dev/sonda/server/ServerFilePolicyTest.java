package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.testing.Net;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 5: a client may make the server read or write files only inside the directories
 * given with {@code --allow-dir}, none by default.
 */
class ServerFilePolicyTest {
    @TempDir
    Path tmp;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private SondaServer server;

    private Client start(SondaServer.Builder b) {
        server = b.log(log::add).start();
        return new Client(server);
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private static String fileSink(String path) {
        return Bodies.fileSink(50, path);
    }

    private static String refused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode body = Client.json(r);
        assertThat(body.get("error").asText()).isEqualTo("unprocessable_entity");
        return body.get("detail").asText();
    }

    @Test
    void withoutAllowDirEveryFileSinkIsRefusedNamingTheOptionThatAllowsIt() {
        Client c = start(SondaServer.builder());
        Path target = tmp.resolve("out.prom");

        String d = refused(c.postYaml("scenarios", fileSink(target.toString())));

        assertThat(d)
                .isEqualTo("scenarios[0].sink.path: file sink '" + target + "' is outside the allowed directories:"
                        + " this server allows no files (it was started without --allow-dir); start the server with"
                        + " --allow-dir DIR to allow files under DIR");
        assertThat(target).doesNotExist();
        assertThat(refused(c.postYaml("scenarios", fileSink("relative.prom")))).contains("'relative.prom'");
        assertThat(Client.json(c.get("scenarios")).get("scenarios")).isEmpty();
    }

    @Test
    void aFileSinkInsideAnAllowedDirectoryWritesAndDeleteFlushesEveryEvent() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("allowed"));
        Client c = start(SondaServer.builder().allowDir(dir));
        Path target = dir.resolve("sub/out.prom");

        HttpResponse<String> r = c.postYaml("scenarios", fileSink(target.toString()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = Client.json(r).get("id").asText();
        assertThat(Net.pollUntil(
                        Duration.ofSeconds(10),
                        () -> Client.json(c.get("scenarios/" + id + "/stats"))
                                        .get("total_events")
                                        .asLong()
                                > 10))
                .isTrue();
        long events =
                Client.json(c.delete("scenarios/" + id)).get("total_events").asLong();
        assertThat(Files.readAllLines(target)).hasSize((int) events).allMatch(l -> l.startsWith("f 1 "));
    }

    @Test
    void dotDotAndSymbolicLinksCannotLeaveTheAllowedDirectory() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("allowed"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Files.createSymbolicLink(dir.resolve("dangling"), tmp.resolve("nowhere/x"));
        Client c = start(SondaServer.builder().allowDir(dir));

        assertThat(refused(c.postYaml("scenarios", fileSink(dir + "/../outside/x.prom"))))
                .contains("paths with '..' are not allowed");
        assertThat(refused(c.postYaml("scenarios", fileSink(dir + "/link/x.prom"))))
                .contains("is outside the allowed directories: this server allows files under " + dir.toRealPath()
                        + " only");
        assertThat(refused(c.postYaml("scenarios", fileSink(dir + "/dangling"))))
                .contains("cannot be resolved");
        assertThat(outside.resolve("x.prom")).doesNotExist();
    }

    @Test
    void csvReplayFilesOutsideTheAllowedDirectoriesAreRefusedBeforeBeingRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.csv"), "timestamp,root:x:0:0\n1,2\n2,3\n");
        Client c = start(SondaServer.builder());

        String metrics = refused(c.postYaml(
                "scenarios",
                """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: metrics
                    name: r
                    rate: 1
                    generator: { type: csv_replay, file: "%s" }
                    sink: { type: memory }
                """
                        .formatted(secret)));
        String logs = refused(c.postYaml(
                "scenarios",
                """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: logs
                    name: r
                    rate: 1
                    log_generator: { type: csv_replay, file: "%s" }
                    sink: { type: memory }
                """
                        .formatted(secret)));

        assertThat(metrics)
                .startsWith("scenarios[0].generator.file: csv_replay file '" + secret + "' is outside")
                .doesNotContain("root:x");
        assertThat(logs).startsWith("scenarios[0].log_generator.file: csv_replay file '" + secret + "'");
    }

    @Test
    void aFileSinkInDefaultsOrInAnEventIsRefusedToo() {
        Client c = start(SondaServer.builder());

        assertThat(
                        refused(
                                c.postYaml(
                                        "scenarios",
                                        """
                version: 2
                kind: runnable
                defaults: { sink: { type: file, path: /tmp/sonda-defaults.prom } }
                scenarios:
                  - signal_type: metrics
                    name: d
                    rate: 1
                    generator: { type: constant, value: 1 }
                """)))
                .startsWith("defaults.sink.path: file sink '/tmp/sonda-defaults.prom'");
        assertThat(
                        refused(
                                c.postJson(
                                        "events",
                                        """
                {"signal_type": "metrics", "metric": {"name": "m", "value": 1},
                 "encoder": {"type": "prometheus_text"}, "sink": {"type": "file", "path": "/tmp/sonda-event.prom"}}
                """)))
                .contains("file sink '/tmp/sonda-event.prom' is outside the allowed directories");
    }
}
