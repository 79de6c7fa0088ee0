package dev.sonda.yaml;

/** A 1-based line and column in the original scenario text. */
record Loc(int line, int column) {
    static final Loc START = new Loc(1, 1);
}
