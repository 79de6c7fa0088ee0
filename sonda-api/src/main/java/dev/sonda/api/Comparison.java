package dev.sonda.api;

/**
 * A strict comparison against a threshold, as in {@code after.op} and {@code while.op}. Only
 * {@code <} and {@code >} exist: the reference rejects every other operator.
 */
public enum Comparison {
    /** {@code <}: the value is strictly below the threshold. */
    LESS_THAN("<"),
    /** {@code >}: the value is strictly above the threshold. */
    GREATER_THAN(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The operator as written in YAML.
     *
     * @return {@code "<"} or {@code ">"}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Evaluates {@code value op threshold}; NaN never satisfies either operator.
     *
     * @param value the signal value
     * @param threshold the threshold
     * @return whether the comparison holds
     */
    public boolean test(double value, double threshold) {
        return this == LESS_THAN ? value < threshold : value > threshold;
    }

    /**
     * Reads an operator as written in YAML.
     *
     * @param symbol {@code "<"} or {@code ">"}
     * @return the comparison
     * @throws IllegalArgumentException for any other text, naming the bad operator
     */
    public static Comparison of(String symbol) {
        if ("<".equals(symbol)) {
            return LESS_THAN;
        }
        if (">".equals(symbol)) {
            return GREATER_THAN;
        }
        throw new IllegalArgumentException(
                "unsupported operator '" + symbol + "': only strict comparisons '<' and '>' are accepted");
    }
}
