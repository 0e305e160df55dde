package dev.smokegate.config;

/** Whether an unknown key is probably a typo of a known one, so the error can say which. */
final class KeyHints {

    private KeyHints() {
    }

    /** Equal but for case, hyphens and underscores, or at most two edits apart. */
    static boolean similar(String known, String typed) {
        return normalise(known).equalsIgnoreCase(normalise(typed)) || levenshtein(known, typed) <= 2;
    }

    private static String normalise(String key) {
        return key.replace("-", "").replace("_", "");
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
