package dev.sonda.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoded requests flattened for assertions. */
final class Points {
    private Points() {}

    /** One metric of one request with its resource. */
    record Found(Map<String, String> resource, String scope, String version, Metric metric) {}

    static List<Found> metrics(List<ExportMetricsServiceRequest> requests) {
        List<Found> out = new ArrayList<>();
        for (ExportMetricsServiceRequest r : requests) {
            for (ResourceMetrics rm : r.getResourceMetricsList()) {
                Map<String, String> resource = attributes(rm.getResource().getAttributesList());
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    for (Metric m : sm.getMetricsList()) {
                        out.add(new Found(
                                resource, sm.getScope().getName(), sm.getScope().getVersion(), m));
                    }
                }
            }
        }
        return out;
    }

    static List<Metric> named(List<ExportMetricsServiceRequest> requests, String name) {
        return metrics(requests).stream()
                .map(Found::metric)
                .filter(m -> m.getName().equals(name))
                .toList();
    }

    /** One span of one request with its resource (attributes in wire order) and scope. */
    record FoundSpan(Map<String, String> resource, String scope, String version, Span span) {}

    static List<FoundSpan> spans(List<ExportTraceServiceRequest> requests) {
        List<FoundSpan> out = new ArrayList<>();
        for (ExportTraceServiceRequest r : requests) {
            for (ResourceSpans rs : r.getResourceSpansList()) {
                Map<String, String> resource = attributes(rs.getResource().getAttributesList());
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (Span s : ss.getSpansList()) {
                        out.add(new FoundSpan(
                                resource, ss.getScope().getName(), ss.getScope().getVersion(), s));
                    }
                }
            }
        }
        return out;
    }

    /** Lowercase hex of bytes, as trace and span ids are written. */
    static String hex(com.google.protobuf.ByteString bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** Attributes in wire order (a LinkedHashMap), string values. */
    static Map<String, String> attributes(List<KeyValue> kvs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (KeyValue kv : kvs) {
            m.put(kv.getKey(), kv.getValue().getStringValue());
        }
        return m;
    }
}
