package dev.sonda.junit5;

/** A threshold comparison of the assertions: {@code >}, {@code >=}, {@code <} or {@code <=}. Not API. */
enum Op {
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<=");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Reads an operator.
     *
     * @param symbol {@code >}, {@code >=}, {@code <} or {@code <=}
     * @return the operator
     * @throws IllegalArgumentException for anything else
     */
    static Op of(String symbol) {
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unsupported operator '" + symbol + "': use >, >=, < or <=");
    }

    /**
     * The operator of a DSL comparison.
     *
     * @param comparison {@code GREATER_THAN} or {@code LESS_THAN}
     * @return {@link #GT} or {@link #LT}
     * @throws NullPointerException if {@code comparison} is null
     */
    static Op of(dev.sonda.api.Comparison comparison) {
        return switch (comparison) {
            case GREATER_THAN -> GT;
            case LESS_THAN -> LT;
        };
    }

    /**
     * Whether {@code value op threshold} holds; NaN never satisfies it.
     *
     * @param value the value
     * @param threshold the threshold
     * @return the comparison's result
     */
    boolean test(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case LT -> value < threshold;
            case LE -> value <= threshold;
        };
    }

    /**
     * The operator as written.
     *
     * @return the symbol
     */
    String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
