package dev.sonda.api;

import dev.sonda.api.workload.Churn;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.Workload;
import dev.sonda.api.workload.WorkloadMetric;
import java.time.Duration;
import java.util.Map;

/**
 * DSL stage of a {@code signal_type: workload} entry (YAML {@code workload:}). Start one with
 * {@link Scenario#workload(String)}; the entry's {@code rate} is the tick rate and its {@code
 * sink} receives the pushes. Immutable.
 *
 * <pre>{@code
 * ScenarioPlan plan = Scenario.workload("baseline").rate(1)
 *         .seed(42)
 *         .profile(LabelProfile.of("low").values("region", "us-east-1", "eu-west-1").range("instance", 1, 3, "i-%02d"))
 *         .metric(WorkloadMetric.counter("requests_total", "low").poisson(5, 0.2))
 *         .scrape(Endpoint.port(8000).withPrefix("prom_"))
 *         .buildPlan();
 * }</pre>
 */
public final class WorkloadStage extends EntryStage<WorkloadStage> {

    WorkloadStage(Map<Field, Object> state) {
        super(state);
    }

    @Override
    WorkloadStage copy(Map<Field, Object> state) {
        return new WorkloadStage(state);
    }

    @Override
    Signal signal() {
        return new Signal.Workload(body());
    }

    @Override
    SignalType signalType() {
        return SignalType.WORKLOAD;
    }

    private Workload body() {
        Workload w = (Workload) get(Field.BODY);
        return w == null ? Workload.of() : w;
    }

    private WorkloadStage body(Workload w) {
        return with(Field.BODY, w);
    }

    /**
     * Replaces the whole body (YAML {@code workload:}).
     *
     * @param workload the workload
     * @return the new stage
     */
    public WorkloadStage workload(Workload workload) {
        return body(workload);
    }

    /**
     * Adds a profile (YAML {@code workload.profiles.<name>}).
     *
     * @param profile the profile
     * @return the new stage
     */
    public WorkloadStage profile(LabelProfile profile) {
        return body(body().profile(profile));
    }

    /**
     * Adds a metric (YAML {@code workload.metrics[]}).
     *
     * @param metric the metric
     * @return the new stage
     */
    public WorkloadStage metric(WorkloadMetric metric) {
        return body(body().metric(metric));
    }

    /**
     * Sets the seed of metrics without their own (YAML {@code workload.seed}).
     *
     * @param seed unsigned 64-bit
     * @return the new stage
     */
    public WorkloadStage seed(long seed) {
        return body(body().seed(seed));
    }

    /**
     * Sets the churn (YAML {@code workload.churn}).
     *
     * @param churn the churn
     * @return the new stage
     */
    public WorkloadStage churn(Churn churn) {
        return body(body().churn(churn));
    }

    /**
     * Adds a scheduled spike (YAML {@code workload.spikes[]}).
     *
     * @param metric the metric's name
     * @param multiplier the factor
     * @param at when it starts, from the workload's start
     * @param duration how long it lasts
     * @return the new stage
     */
    public WorkloadStage spike(String metric, double multiplier, Duration at, Duration duration) {
        return body(body().spike(metric, multiplier, at, duration));
    }

    /**
     * Sets the pull endpoint (YAML {@code workload.scrape}).
     *
     * @param scrape the endpoint
     * @return the new stage
     */
    public WorkloadStage scrape(Endpoint scrape) {
        return body(body().scrape(scrape));
    }

    /**
     * Sets the control API (YAML {@code workload.control}).
     *
     * @param control the endpoint
     * @return the new stage
     */
    public WorkloadStage control(Endpoint control) {
        return body(body().control(control));
    }

    /**
     * Sets how the sink is pushed to (YAML {@code workload.push}).
     *
     * @param push the settings
     * @return the new stage
     */
    public WorkloadStage push(Push push) {
        return body(body().push(push));
    }

    /**
     * Generates only shard {@code index} of {@code count} (YAML {@code workload.shard: "i/n"}).
     *
     * @param index this shard, from 0
     * @param count the number of shards
     * @return the new stage
     */
    public WorkloadStage shard(int index, int count) {
        return body(body().shard(index, count));
    }

    /**
     * Sets the threads that generate a tick (YAML {@code workload.threads}).
     *
     * @param threads at least 1
     * @return the new stage
     */
    public WorkloadStage threads(int threads) {
        return body(body().threads(threads));
    }
}
