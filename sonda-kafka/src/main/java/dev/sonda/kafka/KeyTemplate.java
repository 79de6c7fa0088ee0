package dev.sonda.kafka;

import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The kafka sink's record key template ({@code key:}): literal text with placeholders.
 *
 * <ul>
 *   <li>{@code {name}}: the metric name of the line's series ({@code http_latency_bucket} for a
 *       histogram bucket), or the entry's name for a log line and for {@code record_per: flush};
 *   <li>{@code {labels.KEY}}: the value of label {@code KEY} of the line (series labels, static
 *       ones included; a log record's labels), or of the entry's static labels for {@code
 *       record_per: flush}; a label the line does not have renders as nothing;
 *   <li>{@code {{} and {@code }}} stand for literal braces.
 * </ul>
 *
 * The key is the rendered text in UTF-8. Immutable and thread-safe.
 */
final class KeyTemplate {
    private final String text;
    /** Literal strings, NAME, or label keys: parts[i] is a literal when kinds[i] == LITERAL. */
    private final String[] parts;

    private final byte[] kinds;

    private static final byte LITERAL = 0;
    private static final byte NAME = 1;
    private static final byte LABEL = 2;

    private KeyTemplate(String text, List<String> parts, List<Byte> kinds) {
        this.text = text;
        this.parts = parts.toArray(new String[0]);
        this.kinds = new byte[kinds.size()];
        for (int i = 0; i < this.kinds.length; i++) {
            this.kinds[i] = kinds.get(i);
        }
    }

    /**
     * Parses a template.
     *
     * @param text the template as written
     * @return the template
     * @throws IllegalArgumentException saying what is wrong, where, and what to write instead
     */
    static KeyTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        List<String> parts = new ArrayList<>();
        List<Byte> kinds = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < n && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < n && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new IllegalArgumentException("key template '" + text + "' has a single '}' at character "
                        + (i + 1) + "; write }} for a literal brace");
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("key template '" + text + "' has an unclosed '{' at character "
                            + (i + 1) + "; close it, or write {{ for a literal brace");
                }
                String ph = text.substring(i + 1, close);
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    kinds.add(LITERAL);
                    literal.setLength(0);
                }
                if (ph.equals("name")) {
                    parts.add(null);
                    kinds.add(NAME);
                } else if (ph.startsWith("labels.") && ph.length() > "labels.".length()) {
                    parts.add(ph.substring("labels.".length()));
                    kinds.add(LABEL);
                } else {
                    throw new IllegalArgumentException("key template '" + text + "' has an unknown placeholder '{" + ph
                            + "}' at character " + (i + 1) + "; use {name} or {labels.KEY}, and {{ or }} for a literal"
                            + " brace");
                }
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
            kinds.add(LITERAL);
        }
        return new KeyTemplate(text, parts, kinds);
    }

    /**
     * The label keys the template reads, in order of first use.
     *
     * @return the keys
     */
    Set<String> labelKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            if (kinds[i] == LABEL) {
                keys.add(parts[i]);
            }
        }
        return keys;
    }

    /**
     * Renders the key of a line.
     *
     * @param name what {@code {name}} stands for
     * @param labels where {@code {labels.KEY}} is looked up
     * @return the key in UTF-8
     */
    byte[] render(String name, Labels labels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            switch (kinds[i]) {
                case NAME -> sb.append(name);
                case LABEL -> {
                    String v = labels.get(parts[i]);
                    if (v != null) {
                        sb.append(v);
                    }
                }
                default -> sb.append(parts[i]);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Renders the key with labels given as a map.
     *
     * @param name what {@code {name}} stands for
     * @param labels where {@code {labels.KEY}} is looked up
     * @return the key in UTF-8
     */
    byte[] render(String name, Map<String, String> labels) {
        return render(name, Labels.of(labels));
    }

    /**
     * The template as written.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return text;
    }
}
