package dev.sonda.yaml;

/**
 * Bounds on the work {@link ScenarioLoader} does for one scenario, so that hostile or broken input
 * (a "billion laughs" alias bomb, deep nesting, a huge scalar, a binary file) is refused with a
 * located {@link ScenarioParseException} instead of exhausting time or memory. Immutable; the
 * {@code with} methods return copies.
 *
 * <p>Every limit is checked while the text is read and the YAML tree is built, and reading stops
 * at the first one exceeded. Its message names the limit, as in {@code ... exceeds the limit of
 * 1000 aliases (LoadLimits.maxAliases); ...}. Aliases share their anchored value in the tree, but
 * everything after it (validation, positions, plug-in properties) walks the tree expanded, so the
 * counts of nodes and characters are taken as if every alias were written out.
 *
 * <p>What they cost: the {@linkplain #defaults() defaults} refuse an alias bomb, a deep nesting or
 * a huge token in milliseconds; a document near {@code maxDocumentBytes} takes up to about a
 * second to read or refuse on one core, as a valid one of that size does. A service reading
 * documents from clients should lower {@code maxDocumentBytes} to what it needs.
 *
 * <pre>{@code
 * ScenarioPlan plan = ScenarioLoader.load(body, "request body", name -> null,
 *         LoadLimits.defaults().withMaxDocumentBytes(256 * 1024).withMaxEntries(100));
 * }</pre>
 *
 * @param maxDocumentBytes size of the scenario text in bytes of UTF-8 as read, and in characters
 *     after environment interpolation; 1 to 2^30, default {@value #DEFAULT_MAX_DOCUMENT_BYTES} (4
 *     MiB)
 * @param maxDepth nesting of mappings and sequences, the top-level mapping being level 1, counted
 *     through aliases; 1 to 1000, default {@value #DEFAULT_MAX_DEPTH}
 * @param maxAliases number of alias uses ({@code *name}) written in the document; 0 (no aliases) or
 *     more, default {@value #DEFAULT_MAX_ALIASES}
 * @param maxAliasedNodes nodes that aliases add: each use of an alias counts the nodes of its anchored
 *     value again, aliases inside it included, which is what bounds a "billion laughs" document; 0
 *     or more, default {@value #DEFAULT_MAX_ALIASED_NODES}
 * @param maxNodes number of nodes (scalars, keys, sequences, mappings) with every alias expanded; at
 *     least 1, default {@value #DEFAULT_MAX_NODES}
 * @param maxExpandedChars characters handled with every alias expanded: the text of every scalar
 *     and key plus the YAML path of every node (such as {@code scenarios[2].labels.zone}), from
 *     which messages and positions are built; at least 1, default {@value
 *     #DEFAULT_MAX_EXPANDED_CHARS} (32 Mi)
 * @param maxScalarLength characters in one scalar or key after interpolation, and in one token on
 *     one line (a scalar's line, a comment, an anchor); at least 1, default {@value
 *     #DEFAULT_MAX_SCALAR_LENGTH} (64 Ki). SnakeYAML's scanner copies its window for every 1024
 *     characters of a token, so the cost of scanning grows with the square of the longest token on
 *     one line: at most the document's length times this limit over 1024 character copies
 * @param maxNumberLength characters in one scalar that YAML reads as an integer or a float (digit
 *     strings beyond this cost quadratic time to convert); at least 1, default {@value
 *     #DEFAULT_MAX_NUMBER_LENGTH}, as Jackson's {@code StreamReadConstraints}. Plain decimal digit
 *     strings of more than 1024 characters are read as strings by Jackson, never converted
 * @param maxEntries entries in the top-level {@code scenarios:} list; at least 1, default {@value
 *     #DEFAULT_MAX_ENTRIES}
 */
public record LoadLimits(
        int maxDocumentBytes,
        int maxDepth,
        int maxAliases,
        int maxAliasedNodes,
        int maxNodes,
        int maxExpandedChars,
        int maxScalarLength,
        int maxNumberLength,
        int maxEntries) {

    /** Default {@link #maxDocumentBytes()}: 4 MiB. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    /** Default {@link #maxDepth()}: 64 levels. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    /** Default {@link #maxAliases()}: 1000 alias uses. */
    public static final int DEFAULT_MAX_ALIASES = 1000;

    /** Default {@link #maxAliasedNodes()}: 100,000 nodes added by aliases. */
    public static final int DEFAULT_MAX_ALIASED_NODES = 100_000;

    /** Default {@link #maxNodes()}: one million nodes. */
    public static final int DEFAULT_MAX_NODES = 1_000_000;

    /** Default {@link #maxExpandedChars()}: 32 Mi characters. */
    public static final int DEFAULT_MAX_EXPANDED_CHARS = 32 * 1024 * 1024;

    /** Default {@link #maxScalarLength()}: 64 Ki characters. */
    public static final int DEFAULT_MAX_SCALAR_LENGTH = 64 * 1024;

    /** Default {@link #maxNumberLength()}: 1000 characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

    /** Default {@link #maxEntries()}: 10,000 scenario entries. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** Largest {@link #maxDocumentBytes()}: 1 GiB. */
    public static final int MAX_DOCUMENT_BYTES_CEILING = 1 << 30;

    /**
     * Largest {@link #maxDepth()}: 1000 levels, as Jackson's default nesting limit; the tree is
     * read recursively, so deeper nesting could exhaust a thread's stack.
     */
    public static final int MAX_DEPTH_CEILING = 1000;

    private static final LoadLimits DEFAULTS = new LoadLimits(
            DEFAULT_MAX_DOCUMENT_BYTES,
            DEFAULT_MAX_DEPTH,
            DEFAULT_MAX_ALIASES,
            DEFAULT_MAX_ALIASED_NODES,
            DEFAULT_MAX_NODES,
            DEFAULT_MAX_EXPANDED_CHARS,
            DEFAULT_MAX_SCALAR_LENGTH,
            DEFAULT_MAX_NUMBER_LENGTH,
            DEFAULT_MAX_ENTRIES);

    /**
     * Creates limits, checking each against its range.
     *
     * @param maxDocumentBytes 1 to {@value #MAX_DOCUMENT_BYTES_CEILING}
     * @param maxDepth 1 to {@value #MAX_DEPTH_CEILING}
     * @param maxAliases 0 or more
     * @param maxAliasedNodes 0 or more
     * @param maxNodes at least 1
     * @param maxExpandedChars at least 1
     * @param maxScalarLength at least 1
     * @param maxNumberLength at least 1
     * @param maxEntries at least 1
     * @throws IllegalArgumentException naming the first limit out of its range
     */
    public LoadLimits {
        check("maxDocumentBytes", maxDocumentBytes, 1, MAX_DOCUMENT_BYTES_CEILING);
        check("maxDepth", maxDepth, 1, MAX_DEPTH_CEILING);
        check("maxAliases", maxAliases, 0, Integer.MAX_VALUE);
        check("maxAliasedNodes", maxAliasedNodes, 0, Integer.MAX_VALUE);
        check("maxNodes", maxNodes, 1, Integer.MAX_VALUE);
        check("maxExpandedChars", maxExpandedChars, 1, Integer.MAX_VALUE);
        check("maxScalarLength", maxScalarLength, 1, Integer.MAX_VALUE);
        check("maxNumberLength", maxNumberLength, 1, Integer.MAX_VALUE);
        check("maxEntries", maxEntries, 1, Integer.MAX_VALUE);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("LoadLimits." + name + " must be "
                    + (max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", got "
                    + value);
        }
    }

    /**
     * The default limits, generous for hand-written and generated scenario files alike: 4 MiB,
     * 64 levels, 1000 aliases adding at most 100,000 nodes, one million nodes, 32 Mi expanded
     * characters, 64 Ki characters per scalar, 1000 characters per number and 10,000 entries.
     *
     * @return the defaults
     */
    public static LoadLimits defaults() {
        return DEFAULTS;
    }

    /**
     * These limits with another document size.
     *
     * @param maxDocumentBytes bytes of UTF-8, 1 to {@value #MAX_DOCUMENT_BYTES_CEILING}; an HTTP
     *     server passes its request body limit here
     * @return the new limits
     * @throws IllegalArgumentException if out of range
     */
    public LoadLimits withMaxDocumentBytes(int maxDocumentBytes) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another nesting depth.
     *
     * @param maxDepth levels of mappings and sequences, 1 to {@value #MAX_DEPTH_CEILING}
     * @return the new limits
     * @throws IllegalArgumentException if out of range
     */
    public LoadLimits withMaxDepth(int maxDepth) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another alias count.
     *
     * @param maxAliases alias uses, 0 to refuse every alias
     * @return the new limits
     * @throws IllegalArgumentException if negative
     */
    public LoadLimits withMaxAliases(int maxAliases) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another aliased node count.
     *
     * @param maxAliasedNodes nodes added by expanding aliases, 0 or more
     * @return the new limits
     * @throws IllegalArgumentException if negative
     */
    public LoadLimits withMaxAliasedNodes(int maxAliasedNodes) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another expanded node count.
     *
     * @param maxNodes nodes with every alias expanded, at least 1
     * @return the new limits
     * @throws IllegalArgumentException if below 1
     */
    public LoadLimits withMaxNodes(int maxNodes) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another expanded character count.
     *
     * @param maxExpandedChars scalar, key and path characters with every alias expanded, at least 1
     * @return the new limits
     * @throws IllegalArgumentException if below 1
     */
    public LoadLimits withMaxExpandedChars(int maxExpandedChars) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another scalar length.
     *
     * @param maxScalarLength characters in one scalar or key, and in one token on one line, at least 1
     * @return the new limits
     * @throws IllegalArgumentException if below 1
     */
    public LoadLimits withMaxScalarLength(int maxScalarLength) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another number length.
     *
     * @param maxNumberLength characters in one integer or float scalar, at least 1
     * @return the new limits
     * @throws IllegalArgumentException if below 1
     */
    public LoadLimits withMaxNumberLength(int maxNumberLength) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }

    /**
     * These limits with another entry count.
     *
     * @param maxEntries entries in the {@code scenarios:} list, at least 1
     * @return the new limits
     * @throws IllegalArgumentException if below 1
     */
    public LoadLimits withMaxEntries(int maxEntries) {
        return new LoadLimits(
                maxDocumentBytes,
                maxDepth,
                maxAliases,
                maxAliasedNodes,
                maxNodes,
                maxExpandedChars,
                maxScalarLength,
                maxNumberLength,
                maxEntries);
    }
}
