package dev.sonda.api;

import dev.sonda.api.internal.num.FloatText;

/**
 * The distribution histogram and summary observations are drawn from (YAML {@code
 * distribution:}).
 */
public sealed interface Distribution {

    /**
     * The YAML {@code type:} value, such as {@code exponential}.
     *
     * @return the type name
     */
    String type();

    /**
     * Adds the reference's distribution problems.
     *
     * @param path where this block sits, such as {@code scenarios[0].distribution}
     * @param problems collector of problems found
     */
    void validate(String path, Problems problems);

    /**
     * {@code type: exponential}.
     *
     * @param rate λ, above 0; the mean is 1/λ
     */
    record Exponential(double rate) implements Distribution {
        /** The YAML {@code type:} value: {@code exponential}. */
        public static final String TYPE = "exponential";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void validate(String path, Problems problems) {
            if (Double.isNaN(rate) || rate <= 0) {
                problems.add(path + ".rate", "distribution.rate must be positive, got " + FloatText.display(rate));
            }
        }
    }

    /**
     * {@code type: normal}.
     *
     * @param mean mean, not NaN
     * @param stddev standard deviation, above 0
     */
    record Normal(double mean, double stddev) implements Distribution {
        /** The YAML {@code type:} value: {@code normal}. */
        public static final String TYPE = "normal";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void validate(String path, Problems problems) {
            if (Double.isNaN(stddev) || stddev <= 0) {
                problems.add(
                        path + ".stddev", "distribution.stddev must be positive, got " + FloatText.display(stddev));
            }
            if (Double.isNaN(mean)) {
                problems.add(path + ".mean", "distribution.mean must not be NaN");
            }
        }
    }

    /**
     * {@code type: uniform}.
     *
     * @param min lower bound, below {@code max}
     * @param max upper bound
     */
    record Uniform(double min, double max) implements Distribution {
        /** The YAML {@code type:} value: {@code uniform}. */
        public static final String TYPE = "uniform";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public void validate(String path, Problems problems) {
            if (Double.isNaN(min) || Double.isNaN(max)) {
                problems.add(path, "distribution.min and distribution.max must not be NaN");
            } else if (min >= max) {
                problems.add(
                        path,
                        "distribution.min (" + FloatText.display(min)
                                + ") must be strictly less than distribution.max (" + FloatText.display(max) + ")");
            }
        }
    }
}
