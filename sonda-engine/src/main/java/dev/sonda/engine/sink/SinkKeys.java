package dev.sonda.engine.sink;

import dev.sonda.api.DurationText;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.net.URI;
import java.time.Duration;

/**
 * Reading and writing the keys many sink blocks share, so every provider (built-in or in another
 * module) treats them alike: {@code retry:} (Sonda 1.20 {@code sink/retry.rs}) and {@code
 * max_buffer_age:} (an optional duration: {@code 0s} disables it, a bare {@code 0} is an error).
 */
public final class SinkKeys {
    private SinkKeys() {}

    /**
     * Reads the {@code retry:} block: {@code max_attempts} (1 to 4294967295), {@code initial_backoff}
     * and {@code max_backoff} (positive durations), all three required when the block is present.
     *
     * @param block the sink block
     * @return the policy, or null when absent or invalid (problems recorded)
     */
    public static RetryPolicy readRetry(SpecBlock block) {
        SpecBlock r = block.block("retry");
        if (r == null) {
            return null;
        }
        long attempts = r.requiredInteger("max_attempts", 0, 0xFFFF_FFFFL);
        Duration initial = r.duration("initial_backoff", DurationText::parse);
        Duration max = r.duration("max_backoff", DurationText::parse);
        if (initial == null && !r.has("initial_backoff")) {
            r.problem(null, "missing required key 'initial_backoff'");
        }
        if (max == null && !r.has("max_backoff")) {
            r.problem(null, "missing required key 'max_backoff'");
        }
        if (r.failed() || initial == null || max == null) {
            return null;
        }
        return new RetryPolicy((int) Math.min(attempts, Integer.MAX_VALUE), initial, max);
    }

    /**
     * Writes the {@code retry:} block, or nothing when {@code retry} is null.
     *
     * @param retry the policy, or null
     * @param out the sink block's writer
     */
    public static void writeRetry(RetryPolicy retry, SpecWriter out) {
        if (retry != null) {
            out.block("retry")
                    .put("max_attempts", retry.maxAttempts())
                    .put("initial_backoff", retry.initialBackoff())
                    .put("max_backoff", retry.maxBackoff());
        }
    }

    /**
     * Reads {@code max_buffer_age}: null when absent (the sink's default applies), {@link
     * Duration#ZERO} for a zero with a unit (disabled).
     *
     * @param block the sink block
     * @return the age, or null
     */
    public static Duration readMaxBufferAge(SpecBlock block) {
        return block.duration("max_buffer_age", DurationText::parseOptional);
    }

    /**
     * Checks that {@code url} is an absolute {@code http://} or {@code https://} URL with a host.
     *
     * @param url the URL as written
     * @return null when it is one, else why not
     */
    public static String httpUrlProblem(String url) {
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            return "'" + url + "' must start with http:// or https://";
        }
        try {
            URI u = new URI(url);
            if (u.getHost() == null) {
                return "'" + url + "' has no host; write it as http://host:port/path";
            }
        } catch (java.net.URISyntaxException e) {
            return "'" + url + "' is not a valid URL: " + e.getReason();
        }
        return null;
    }
}
