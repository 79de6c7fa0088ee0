package dev.sonda.api.internal.spec;

import java.util.Collection;
import java.util.Locale;

/** Not API. Suggests the closest known word for a misspelt one. */
public final class DidYouMean {
    private DidYouMean() {}

    /**
     * The known word closest to {@code word}: within an edit distance of at most a third of its
     * length (and at least 1, at most 3), compared case-insensitively, or one that starts with it.
     *
     * @param word the word as written
     * @param known the accepted words
     * @return the suggestion, or null when none is close
     */
    public static String suggest(String word, Collection<String> known) {
        if (word == null || word.isEmpty()) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = distance(w, kl);
            if (d < bestDistance && (d <= limit || (w.length() >= 3 && kl.startsWith(w)))) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * {@code "; did you mean 'x'?"} for the closest known word, or the empty string.
     *
     * @param word the word as written
     * @param known the accepted words
     * @return the hint
     */
    public static String hint(String word, Collection<String> known) {
        String s = suggest(word, known);
        return s == null ? "" : "; did you mean '" + s + "'?";
    }

    /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
