package dev.sonda.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.trace.SpanKind;
import dev.sonda.engine.data.SpanData;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The request's bytes read by the official OTLP classes (opentelemetry-proto), field by field. */
class SpanBatchTest {
    private static final long T0 = 1_705_314_600_000_000_000L;

    private static SpanData span(long id, long parent, String service, String op, boolean error) {
        return new SpanData(
                0x4bf92f3577b34da6L,
                0xa3ce929d0e0e4736L,
                id,
                parent,
                service,
                op,
                parent == 0 ? SpanKind.SERVER : SpanKind.CLIENT,
                T0 + id * 1000,
                T0 + id * 1000 + 45_125_000,
                error,
                error ? "connection refused" : null,
                Labels.of(parent == 0 ? Map.of() : Map.of("db.system", "postgresql")),
                Labels.of(Map.of("service.version", "2.1.0")));
    }

    private static Map<String, String> attributes(List<KeyValue> kvs) {
        return kvs.stream()
                .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    }

    @Test
    void spansAreGroupedByServiceWithTheirIdsTimesKindsAndStatus() throws Exception {
        SpanBatch r = new SpanBatch(new Envelope(Map.of("env", "test"), "0.1.0"));
        r.add(span(1, 0, "gateway", "GET /", false));
        r.add(span(2, 1, "db", "query", true));
        r.add(span(3, 1, "db", "query", false));

        ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(bytes(r));

        assertThat(r.items()).isEqualTo(3);
        assertThat(req.getResourceSpansList()).hasSize(2);
        ResourceSpans gateway = req.getResourceSpans(0);
        assertThat(attributes(gateway.getResource().getAttributesList()))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("service.name", "gateway", "service.version", "2.1.0", "env", "test"));
        assertThat(gateway.getScopeSpans(0).getScope().getName()).isEqualTo("sonda");
        assertThat(gateway.getScopeSpans(0).getScope().getVersion()).isEqualTo("0.1.0");
        Span root = gateway.getScopeSpans(0).getSpans(0);
        assertThat(root.getTraceId().toByteArray()).isEqualTo(hex("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(root.getSpanId().toByteArray()).isEqualTo(hex("0000000000000001"));
        assertThat(root.getParentSpanId().isEmpty()).isTrue();
        assertThat(root.getName()).isEqualTo("GET /");
        assertThat(root.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(root.getStartTimeUnixNano()).isEqualTo(T0 + 1000);
        assertThat(root.getEndTimeUnixNano()).isEqualTo(T0 + 1000 + 45_125_000);
        assertThat(root.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
        assertThat(root.getAttributesList()).isEmpty();

        List<Span> db = req.getResourceSpans(1).getScopeSpans(0).getSpansList();
        assertThat(db).hasSize(2);
        assertThat(db.get(0).getParentSpanId().toByteArray()).isEqualTo(hex("0000000000000001"));
        assertThat(db.get(0).getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(db.get(0).getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(db.get(0).getStatus().getMessage()).isEqualTo("connection refused");
        assertThat(attributes(db.get(0).getAttributesList())).isEqualTo(Map.of("db.system", "postgresql"));
        assertThat(db.get(1).getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
    }

    @Test
    void aClearedRequestStartsAnEmptyBatch() throws Exception {
        SpanBatch r = new SpanBatch(new Envelope(Map.of(), "1"));
        r.add(span(1, 0, "a", "x", false));
        r.clear();
        r.add(span(2, 0, "b", "y", false));

        ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(bytes(r));

        assertThat(req.getResourceSpansList()).singleElement().satisfies(rs -> assertThat(
                        rs.getScopeSpans(0).getSpansList())
                .singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("y")));
    }

    @Test
    void theServicesOwnAttributesAndItsNameWinOverTheEntrysLabels() throws Exception {
        SpanBatch r = new SpanBatch(
                new Envelope(Map.of("service.version", "entry", "service.name", "entry", "zone", "eu"), "1"));
        r.add(span(1, 0, "gateway", "GET /", false));

        ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(bytes(r));

        List<KeyValue> resource = req.getResourceSpans(0).getResource().getAttributesList();
        assertThat(resource.stream().map(KeyValue::getKey)).containsExactly("service.name", "service.version", "zone");
        assertThat(attributes(resource))
                .isEqualTo(Map.of("service.name", "gateway", "service.version", "2.1.0", "zone", "eu"));
    }

    private static byte[] bytes(SpanBatch r) {
        ByteBuf out = new ByteBuf(16);
        r.encode(out);
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
