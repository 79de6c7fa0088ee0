package dev.sonda.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of responses: credentials in URLs ({@code scheme://user:password@host}), the
 * values of keys named like secrets (passwords, tokens, API keys, {@code Authorization} and other
 * credential headers, SASL settings), and any later text that repeats one of those values (a sink
 * error quoting its URL, a validation message quoting a header). Each is replaced by {@value
 * #MASK}.
 */
final class Secrets {
    static final String MASK = "***";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(pass(word|wd|phrase)?|secret|token|api[-_.]?key|auth(orization)?|credential|private[-_.]?key"
                    + "|sasl|jaas|cookie|signature).*");
    private static final Pattern URL_USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#@\\s]*)@");

    /** Values found in a plan's secret places, longest first, so a value inside another goes last. */
    private final List<String> values;

    private Secrets(Set<String> values) {
        List<String> l = new ArrayList<>(values);
        l.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(l);
    }

    /** No known values: only URL credentials are masked. */
    static final Secrets NONE = new Secrets(Set.of());

    /**
     * Redacts spec blocks in place (see {@link #redactTree}) and remembers every value it masked.
     *
     * @param blocks rendered sink and encoder blocks
     * @return the secrets found
     */
    static Secrets collect(List<ObjectNode> blocks) {
        Set<String> found = new LinkedHashSet<>();
        for (ObjectNode b : blocks) {
            redactTree(b, found);
        }
        return new Secrets(found);
    }

    /** This and {@code other}'s values. */
    Secrets and(Secrets other) {
        Set<String> all = new LinkedHashSet<>(values);
        all.addAll(other.values);
        return new Secrets(all);
    }

    /**
     * Masks URL credentials and every known secret value in {@code text}.
     *
     * @param text any text, or null
     * @return the text without secrets
     */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = maskUrls(text, null);
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        return out;
    }

    /** Masks the user information of every URL in {@code text}; adds it to {@code found}. */
    private static String maskUrls(String text, Set<String> found) {
        Matcher m = URL_USERINFO.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        do {
            String info = m.group(2);
            if (found != null && !info.isEmpty()) {
                int colon = info.indexOf(':');
                found.add(colon >= 0 ? info.substring(colon + 1) : info);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Masks, in place, every value under a key named like a secret and every URL's credentials,
     * at any depth.
     */
    static void redactTree(JsonNode node, Set<String> found) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (SECRET_KEY.matcher(e.getKey()).matches() && (v.isValueNode() && !v.isNull())) {
                    String s = v.asText();
                    if (s.length() >= 4) {
                        found.add(s);
                    }
                    e.setValue(o.textNode(MASK));
                } else if (v.isTextual()) {
                    String masked = maskUrls(v.asText(), found);
                    if (!masked.equals(v.asText())) {
                        e.setValue(o.textNode(masked));
                    }
                } else {
                    redactTree(v, found);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual()) {
                    String masked = maskUrls(v.asText(), found);
                    if (!masked.equals(v.asText())) {
                        a.set(i, TextNode.valueOf(masked));
                    }
                } else {
                    redactTree(v, found);
                }
            }
        }
    }
}
