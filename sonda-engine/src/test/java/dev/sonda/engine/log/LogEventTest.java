package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Severity;
import dev.sonda.engine.encode.Labels;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEventTest {

    @Test
    void fieldsAreSortedByCodePointAndImmutable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("b", "2");
        m.put("a", "1");
        LogFields f = LogFields.of(m);
        m.put("c", "3");
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.key(0)).isEqualTo("a");
        assertThat(f.get("b")).isEqualTo("2");
        assertThat(f.get("c")).isNull();
        assertThat(f).isEqualTo(LogFields.of(Map.of("a", "1", "b", "2"))).hasToString("{a=1, b=2}");
        assertThat(LogFields.of(Map.of())).isSameAs(LogFields.empty());
    }

    @Test
    void stampingReplacesTimestampAndLabelsOnly() {
        LogEvent e = new LogEvent(0, Severity.WARN, "m", Labels.empty(), LogFields.of(Map.of("k", "v")));
        assertThat(e.withStamp(0, Labels.empty())).isSameAs(e);
        LogEvent s = e.withStamp(5, Labels.of(Map.of("a", "b")));
        assertThat(s.epochNanos()).isEqualTo(5);
        assertThat(s.labels().get("a")).isEqualTo("b");
        assertThat(s.fields()).isEqualTo(e.fields());
        assertThat(s.message()).isEqualTo("m");
    }

    @Test
    void nullComponentsAreRejected() {
        assertThatThrownBy(() -> new LogEvent(0, null, "m", Labels.empty(), LogFields.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LogEvent(0, Severity.INFO, null, Labels.empty(), LogFields.empty()))
                .isInstanceOf(NullPointerException.class);
    }
}
