package dev.sonda.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
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

    /** Attributes in wire order (a LinkedHashMap), string values. */
    static Map<String, String> attributes(List<KeyValue> kvs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (KeyValue kv : kvs) {
            m.put(kv.getKey(), kv.getValue().getStringValue());
        }
        return m;
    }
}
