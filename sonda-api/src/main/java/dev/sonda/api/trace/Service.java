package dev.sonda.api.trace;

import dev.sonda.api.Problems;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One service of the graph (an item of YAML {@code services:}): its name, which every span, log
 * line and RED series of it carries, and its operations.
 *
 * @param name the service's name, non-empty, such as {@code api-gateway}
 * @param operations its operations, at least one, names unique; a call without {@code operation:}
 *     goes to the first
 * @param attributes resource attributes of the service (YAML {@code attributes:}), such as {@code
 *     service.version: 2.1.0}; OTLP sends them with {@code service.name}
 */
public record Service(String name, List<Operation> operations, Map<String, String> attributes) {
    /**
     * Creates the record, copying the collections.
     *
     * @param name the service's name
     * @param operations its operations
     * @param attributes resource attributes, null for none
     * @throws NullPointerException if {@code name} or {@code operations} is null
     */
    public Service {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * A service with these operations and no attributes.
     *
     * @param name the service's name
     * @param operations its operations, at least one
     * @return the service
     */
    public static Service of(String name, Operation... operations) {
        return new Service(name, Arrays.asList(operations), Map.of());
    }

    /**
     * This service with resource attributes (YAML {@code attributes:}).
     *
     * @param attributes names to values
     * @return the new service
     */
    public Service withAttributes(Map<String, String> attributes) {
        return new Service(name, operations, attributes);
    }

    /**
     * The operation with this name.
     *
     * @param operation the name, or null for the first
     * @return the operation, or null when there is none of that name
     */
    public Operation operation(String operation) {
        if (operation == null) {
            return operations.isEmpty() ? null : operations.get(0);
        }
        for (Operation o : operations) {
            if (o.name().equals(operation)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Adds this service's own problems and its operations'.
     *
     * @param path where the service sits, such as {@code scenarios[0].traces.services[1]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (name.isEmpty()) {
            problems.add(path + ".name", "service name must not be empty");
        }
        if (operations.isEmpty()) {
            problems.add(path + ".operations", "service '" + name + "' needs at least one operation");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation o = operations.get(i);
            o.validate(path + ".operations[" + i + "]", problems);
            if (!seen.add(o.name())) {
                problems.add(
                        path + ".operations[" + i + "].name",
                        "service '" + name + "' has two operations named '" + o.name() + "'");
            }
        }
    }
}
