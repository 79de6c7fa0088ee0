package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tcp's {@code write_timeout} and http_push's {@code request_timeout}: read, written back, checked. */
class TimeoutKeysTest {

    private static SinkSpec read(String type, Map<String, Object> block, Problems problems) {
        return TestSupport.provider(type).read(new MapSpecBlock(type, block, "scenarios[0].sink", problems));
    }

    @Test
    void tcpReadsAndWritesItsWriteTimeout() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("address", "127.0.0.1:514");
        block.put("write_timeout", "250ms");
        Problems problems = new Problems();

        SinkSpec.Tcp spec = (SinkSpec.Tcp) read("tcp", block, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(spec.writeTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(spec).isEqualTo(new SinkSpec.Tcp("127.0.0.1:514", null).withWriteTimeout(Duration.ofMillis(250)));
        MapSpecWriter out = new MapSpecWriter();
        TestSupport.provider("tcp").write(spec, out);
        assertThat(out.map()).containsEntry("write_timeout", Duration.ofMillis(250));
        assertThat(new SinkSpec.Tcp("h:1", null).writeTimeout())
                .as("default: the sink's 30 s")
                .isNull();
    }

    @Test
    void httpPushReadsAndWritesItsRequestTimeout() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("url", "http://127.0.0.1:9091/push");
        block.put("request_timeout", "5s");
        Problems problems = new Problems();

        SinkSpec.HttpPush spec = (SinkSpec.HttpPush) read("http_push", block, problems);

        assertThat(problems.list()).isEmpty();
        assertThat(spec.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SinkSpec.httpPush("http://127.0.0.1:9091/push").withRequestTimeout(Duration.ofSeconds(5)))
                .isEqualTo(spec);
        MapSpecWriter out = new MapSpecWriter();
        TestSupport.provider("http_push").write(spec, out);
        assertThat(out.map()).containsEntry("request_timeout", Duration.ofSeconds(5));
    }

    @Test
    void aTimeoutOfZeroIsAProblemAtItsPath() {
        Problems fromYaml = new Problems();
        read("tcp", Map.of("address", "h:1", "write_timeout", "0s"), fromYaml);
        assertThat(fromYaml.list()).singleElement().satisfies(p -> assertThat(p.path())
                .isEqualTo("scenarios[0].sink.write_timeout"));

        Problems fromJava = new Problems();
        SinkSpec.httpPush("http://h/x").withRequestTimeout(Duration.ZERO).validate("scenarios[0].sink", fromJava);
        assertThat(fromJava.list())
                .singleElement()
                .hasToString("scenarios[0].sink.request_timeout: request_timeout must be above zero, such as 30s");
    }
}
