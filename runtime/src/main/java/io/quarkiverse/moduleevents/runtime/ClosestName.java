package io.quarkiverse.moduleevents.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Finds the declared name a mistyped one was probably meant to be, for "did you mean" hints.
 */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * @return the candidate with the smallest edit distance to {@code name} (the first of equals, so callers pass
     *         sorted candidates), or {@code null} when there is no candidate or the closest differs in more than half
     *         of its characters
     */
    public static String of(String name, Collection<String> candidates) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(name, candidate);
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        return closest != null && best <= Math.max(name.length(), closest.length()) / 2 ? closest : null;
    }

    /**
     * @return at most {@code limit} candidates, closest first (ties in the candidates' order)
     */
    public static List<String> ranked(String name, Collection<String> candidates, int limit) {
        List<String> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingInt(candidate -> editDistance(name, candidate)));
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    /**
     * @return {@code did you mean 'user:account:created'?} for the candidate closest to {@code name}, {@code null} when
     *         the name is {@code null} or none is close enough (see {@link #of})
     */
    public static String didYouMean(String name, Collection<String> candidates) {
        String closest = name == null ? null : of(name, candidates);
        return closest == null ? null : didYouMean(List.of(closest));
    }

    /**
     * @param closest the names to suggest, closest first
     * @return {@code did you mean 'a', 'b'?}, {@code null} when there is no name to suggest
     */
    public static String didYouMean(List<String> closest) {
        if (closest.isEmpty()) {
            return null;
        }
        StringJoiner names = new StringJoiner(", ", "did you mean ", "?");
        closest.forEach(name -> names.add("'" + name + "'"));
        return names.toString();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
