package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken bodies (issue 12 item 5, issue 14 item 1): each gets its documented status
 * with a located message and no stack trace, fast, and the server keeps serving.
 */
class ServerBadInputTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private SondaServer server;
    private Client c;

    @BeforeEach
    void start() {
        server = SondaServer.builder().maxBodyBytes(64 * 1024).log(log::add).start();
        c = new Client(server);
    }

    @AfterEach
    void close() {
        server.close();
    }

    /** The server still answers and still launches a valid scenario. */
    private void stillServing() {
        assertThat(c.get("health").statusCode()).isEqualTo(200);
        assertThat(c.postYaml("scenarios", Bodies.gauge("ok", 1, "a")).statusCode())
                .isEqualTo(201);
    }

    private static String detail(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("\tat ", "Exception", ".java:");
        return Client.json(r).get("detail").asText();
    }

    @Test
    void malformedYamlIs400WithItsPosition() {
        String d = detail(c.postYaml("scenarios", "version: 2\nkind: runnable\nscenarios: [\n  {name: x\n"), 400);

        assertThat(d).startsWith("request body:").contains("YAML syntax error");
        stillServing();
    }

    @Test
    void anAliasBombIsRefusedWith400InUnderASecond() {
        StringBuilder bomb = new StringBuilder("version: 2\nkind: runnable\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            String prev = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            bomb.append(String.join(", ", Collections.nCopies(9, prev))).append("]\n");
        }
        assertThat(bomb.length()).isLessThan(600);

        // the first body this JVM parses also loads the YAML parser's classes: not part of the refusal
        detail(c.postYaml("scenarios", bomb.toString()), 400);
        long t0 = System.nanoTime();
        String d = detail(c.postYaml("scenarios", bomb.toString()), 400);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(d).contains("LoadLimits.maxAliasedNodes");
        assertThat(ms).as("refused in %d ms", ms).isLessThan(1000);
        stillServing();
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrStreamed() {
        byte[] big = ("# " + "x".repeat(70 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = c.post("scenarios", "application/yaml", big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).isEqualTo("request body exceeds 65536 bytes (--max-body-bytes)\n");

        HttpResponse<String> streamed = c.send(c.request("scenarios")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertThat(streamed.statusCode()).isEqualTo(413);

        String metrics = c.get("metrics").body();
        assertThat(metrics)
                .as("only the streamed one reached the counted layers")
                .contains("sonda_server_requests_total{method=\"POST\",route=\"/scenarios\",status=\"413\"} 1\n");
        stillServing();
    }

    @Test
    void aBodyInAnotherEncodingIs400NamingTheByteAndPosition() {
        byte[] latin1 = Bodies.gauge("caf\u00e9", 1, "a").getBytes(StandardCharsets.ISO_8859_1);
        String text = new String(latin1, StandardCharsets.ISO_8859_1);
        int offset = text.indexOf('\u00e9');
        long line = text.substring(0, offset).lines().count();
        int column = offset - text.lastIndexOf('\n', offset);

        String d = detail(c.post("scenarios", "application/yaml", latin1), 400);

        assertThat(d)
                .isEqualTo("request body is not valid UTF-8: invalid byte sequence 0xE9 at byte offset " + offset
                        + " (line " + line + ", column " + column + "); send the scenario as UTF-8");
        stillServing();
    }

    @Test
    void binaryBytesAre400() {
        byte[] bin = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};

        String d = detail(c.post("scenarios", "application/yaml", bin), 400);

        assertThat(d).contains("control character");
        stillServing();
    }

    @Test
    void yamlSentAsJsonAndJsonTooDeepAre400() {
        String d = detail(c.postJson("scenarios", Bodies.gauge("x", 1, "a")), 400);
        assertThat(d).startsWith("invalid JSON body: ").contains("line 1, column");

        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(detail(c.postJson("scenarios", deep), 400)).startsWith("invalid JSON body: ");
        assertThat(detail(c.postJson("events", deep), 400)).startsWith("invalid event body: ");
        stillServing();
    }

    @Test
    void aDeepYamlNestingIs400() {
        String deep = "version: 2\nkind: runnable\nx: " + "[".repeat(200) + "]".repeat(200) + "\n";

        assertThat(detail(c.postYaml("scenarios", deep), 400)).contains("LoadLimits.maxDepth");
        stillServing();
    }

    @Test
    void environmentVariablesOfTheServerAreNeverInterpolated() {
        String body = Bodies.gauge("x", 1, "${HOME}");

        String d = detail(c.postYaml("scenarios", body), 422);

        assertThat(d).contains("HOME").doesNotContain(System.getProperty("user.home"));
        String withDefault = Bodies.gauge("y", 1, "${SONDA_NOT_SET:-fallback}");
        assertThat(c.postYaml("scenarios", withDefault).statusCode()).isEqualTo(201);
    }
}
