package dev.sonda.engine.workload.internal;

import dev.sonda.api.Distribution;
import dev.sonda.api.MetricType;
import dev.sonda.api.workload.Algorithm;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.generator.SawtoothGenerator;
import dev.sonda.engine.generator.SineGenerator;
import dev.sonda.engine.generator.ValueGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Not API. One workload metric compiled once: its space, the algorithm as a code and primitive
 * parameters, and the layout of its values. Each series holds {@link #stride} doubles per buffer:
 *
 * <ul>
 *   <li>gauge: {@code [value, bornTick]};
 *   <li>counter: {@code [total, bornTick]};
 *   <li>histogram: {@code [bucket_0 .. bucket_B, sum, count, bornTick]}, buckets per bucket (not
 *       cumulative), bucket B above the highest bound;
 *   <li>summary: {@code [q_0 .. q_{Q-1}, sum, count, bornTick]}.
 * </ul>
 *
 * {@code bornTick} is the tick the series (or a counter's current run) started at; a reader tells
 * a new series at a position by it. Immutable.
 */
public final class CompiledMetric {
    static final int POISSON = 1;
    static final int INCREMENT = 2;
    static final int WALK = 3;
    static final int SINE = 4;
    static final int SAWTOOTH = 5;
    static final int BERNOULLI = 6;
    static final int CONSTANT = 7;
    static final int GENERATOR = 8;
    static final int LOGNORMAL = 9;
    static final int EXPONENTIAL = 10;
    static final int MIXTURE = 11;

    final int index;
    final WorkloadMetric source;
    final String name;
    final MetricType type;
    final String help;
    final Space space;
    final long key;
    final int algorithm;
    final double p1;
    final double p2;
    final double p3;
    final ValueGenerator generator;
    final SineGenerator sine;
    final SawtoothGenerator sawtooth;
    final long periodMillis;
    final boolean clamped;
    final double clampMin;
    final double clampMax;
    final Distribution[] components;
    final boolean[] logOf;
    final double[] cumulativeWeights;
    final double[] bounds;
    final byte[][] leText;
    final double[] quantiles;
    final byte[][] quantileText;
    final int observations;
    final int window;
    final long resetTicks;
    final int stride;
    final int sumSlot;
    final int countSlot;
    final int bornSlot;
    /** Label plan: for each label in name order, -1-j for static label j, k for space label k, or CYCLE. */
    final int[] plan;
    /** The label names in plan order. */
    final String[] labelNames;
    /** Per label in plan order, its exposition head {@code name="} in UTF-8. */
    final byte[][] labelHeads;
    /** Per space label, the index of the rotation of that label, or -1. */
    final int[] rotationOf;

    static final int CYCLE = Integer.MIN_VALUE;

    CompiledMetric(
            int index,
            WorkloadMetric source,
            Space space,
            long seed,
            double rate,
            ValueGenerator generator,
            String[] staticNames,
            String cycleLabel,
            List<String> rotatedLabels) {
        this.index = index;
        this.source = source;
        this.name = source.name();
        this.type = source.type();
        this.help = source.help();
        this.space = space;
        this.key = Draws.metricKey(seed, name);
        this.generator = generator;
        Algorithm a = source.algorithm();
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        SineGenerator sin = null;
        SawtoothGenerator saw = null;
        long period = 0;
        Distribution[] comps = null;
        boolean[] logs = null;
        double[] cum = null;
        int code;
        if (a instanceof Algorithm.Poisson p) {
            code = POISSON;
            q1 = p.baseRate();
            q2 = p.diurnalAmp();
            q3 = p.diurnalPhase();
        } else if (a instanceof Algorithm.Constant c) {
            code = type == MetricType.COUNTER ? INCREMENT : CONSTANT;
            q1 = c.value();
        } else if (a instanceof Algorithm.RandomWalk w) {
            code = WALK;
            q1 = w.start();
            q2 = w.step();
        } else if (a instanceof Algorithm.Sine s) {
            code = SINE;
            period = Math.max(1, s.period().toMillis());
            sin = new SineGenerator((s.max() - s.min()) / 2, period / 1000.0, (s.max() + s.min()) / 2, 1000.0);
        } else if (a instanceof Algorithm.Sawtooth s) {
            code = SAWTOOTH;
            period = Math.max(1, s.period().toMillis());
            saw = new SawtoothGenerator(s.min(), s.max(), period / 1000.0, 1000.0);
        } else if (a instanceof Algorithm.Bernoulli b) {
            code = BERNOULLI;
            q1 = b.p();
        } else if (a instanceof Algorithm.FromGenerator) {
            code = GENERATOR;
        } else {
            List<Algorithm.Mixture.Component> list =
                    a instanceof Algorithm.Mixture m ? m.components() : List.of(new Algorithm.Mixture.Component(1, a));
            code = a instanceof Algorithm.Mixture
                    ? MIXTURE
                    : a instanceof Algorithm.LogNormal ? LOGNORMAL : EXPONENTIAL;
            comps = new Distribution[list.size()];
            logs = new boolean[list.size()];
            cum = new double[list.size()];
            double total = list.stream()
                    .mapToDouble(Algorithm.Mixture.Component::weight)
                    .sum();
            double run = 0;
            for (int i = 0; i < list.size(); i++) {
                Algorithm d = list.get(i).distribution();
                if (d instanceof Algorithm.LogNormal ln) {
                    comps[i] = new Distribution.Normal(ln.mu(), ln.sigma());
                    logs[i] = true;
                } else {
                    comps[i] = new Distribution.Exponential(((Algorithm.Exponential) d).rate());
                }
                run += list.get(i).weight();
                cum[i] = run / total;
            }
        }
        this.algorithm = code;
        this.p1 = q1;
        this.p2 = q2;
        this.p3 = q3;
        this.sine = sin;
        this.sawtooth = saw;
        this.periodMillis = period;
        this.components = comps;
        this.logOf = logs;
        this.cumulativeWeights = cum;
        this.clamped = source.clamp() != null;
        this.clampMin = clamped ? source.clamp().min() : Double.NEGATIVE_INFINITY;
        this.clampMax = clamped ? source.clamp().max() : Double.POSITIVE_INFINITY;
        this.observations = source.observationsPerTick() == null ? 1 : source.observationsPerTick();
        if (type == MetricType.HISTOGRAM) {
            List<Double> b = source.effectiveBuckets();
            bounds = b.stream().mapToDouble(Double::doubleValue).toArray();
            leText = new byte[bounds.length + 1][];
            for (int i = 0; i < bounds.length; i++) {
                leText[i] = Exposition.text(bounds[i]).getBytes(StandardCharsets.US_ASCII);
            }
            leText[bounds.length] = "+Inf".getBytes(StandardCharsets.US_ASCII);
        } else {
            bounds = new double[0];
            leText = new byte[0][];
        }
        if (type == MetricType.SUMMARY) {
            quantiles = source.effectiveQuantiles().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            quantileText = new byte[quantiles.length][];
            for (int i = 0; i < quantiles.length; i++) {
                quantileText[i] = Exposition.text(quantiles[i]).getBytes(StandardCharsets.US_ASCII);
            }
            long ticks =
                    DurationMath.ticks(source.window() != null ? source.window() : WorkloadMetric.DEFAULT_WINDOW, rate);
            window = (int) Math.min(Integer.MAX_VALUE / 2, ticks * observations);
        } else {
            quantiles = new double[0];
            quantileText = new byte[0][];
            window = 0;
        }
        this.resetTicks = source.resetEvery() == null ? 0 : DurationMath.ticks(source.resetEvery(), rate);
        switch (type) {
            case GAUGE, COUNTER -> {
                stride = 2;
                sumSlot = countSlot = -1;
                bornSlot = 1;
            }
            case HISTOGRAM -> {
                sumSlot = bounds.length + 1;
                countSlot = sumSlot + 1;
                bornSlot = countSlot + 1;
                stride = bornSlot + 1;
            }
            default -> {
                sumSlot = quantiles.length;
                countSlot = sumSlot + 1;
                bornSlot = countSlot + 1;
                stride = bornSlot + 1;
            }
        }
        this.plan = plan(staticNames, space.names, cycleLabel);
        this.labelNames = new String[plan.length];
        for (int j = 0; j < plan.length; j++) {
            int item = plan[j];
            labelNames[j] = item == CYCLE ? cycleLabel : item < 0 ? staticNames[-1 - item] : space.names[item];
        }
        this.labelHeads = new byte[plan.length][];
        for (int j = 0; j < plan.length; j++) {
            labelHeads[j] = (labelNames[j] + "=\"").getBytes(StandardCharsets.UTF_8);
        }
        this.rotationOf = new int[space.names.length];
        for (int k = 0; k < rotationOf.length; k++) {
            rotationOf[k] = rotatedLabels.indexOf(space.names[k]);
        }
    }

    /** The labels in name order: static ones, the space's, and the cycle label. */
    private static int[] plan(String[] staticNames, String[] spaceNames, String cycleLabel) {
        int n = staticNames.length + spaceNames.length + (cycleLabel == null ? 0 : 1);
        Integer[] items = new Integer[n];
        String[] names = new String[n];
        int i = 0;
        for (int j = 0; j < staticNames.length; j++) {
            boolean shadowed = Arrays.asList(spaceNames).contains(staticNames[j]);
            items[i] = shadowed ? null : -1 - j;
            names[i++] = staticNames[j];
        }
        for (int k = 0; k < spaceNames.length; k++) {
            items[i] = k;
            names[i++] = spaceNames[k];
        }
        if (cycleLabel != null) {
            items[i] = CYCLE;
            names[i] = cycleLabel;
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> names[x].compareTo(names[y]));
        return Arrays.stream(order)
                .map(j -> items[j])
                .filter(x -> x != null)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * The metric's name at a metric cycle (churn {@code metric_every}): {@code name_cN}, or {@code
     * stem_cN_total} for a name ending in {@code _total}.
     *
     * @param cycle the cycle, or -1 when names do not rotate
     * @return the name
     */
    String nameAt(long cycle) {
        if (cycle < 0) {
            return name;
        }
        if (name.endsWith("_total") && name.length() > "_total".length()) {
            return name.substring(0, name.length() - "_total".length()) + "_c" + cycle + "_total";
        }
        return name + "_c" + cycle;
    }

    /**
     * Whether this metric's series are defined like {@code o}'s, so a reload keeps them.
     *
     * @param o the metric of the previous definition
     * @return true when name, type, space, layout and label plan agree
     */
    boolean sameSeriesAs(CompiledMetric o) {
        return name.equals(o.name)
                && type == o.type
                && space.sameAs(o.space)
                && stride == o.stride
                && window == o.window
                && Arrays.equals(bounds, o.bounds)
                && Arrays.equals(quantiles, o.quantiles)
                && Arrays.equals(plan, o.plan)
                && (type != MetricType.GAUGE || algorithm == o.algorithm);
    }

    /**
     * The metric's name, for messages.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return name;
    }
}
