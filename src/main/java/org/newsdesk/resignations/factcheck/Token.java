package org.newsdesk.resignations.factcheck;

import org.newsdesk.resignations.search.Normalizer;

/**
 * One word of a claim.
 *
 * @param norm        folded by {@link Normalizer} (numeric dates keep
 *                    their separators as '-')
 * @param forms       {@code norm} first, then the word without Arabic clitics (و، ف، ب، ل، ك، ال)
 * @param stem        the shortest form; for Latin words a crude singular
 * @param start       offset of the word in the claim
 * @param sentence    index of the sentence the word is in
 * @param breakBefore a clause break (comma, semicolon, colon, dash) or a sentence break precedes it
 */
record Token(String raw, String norm, String[] forms, String stem, int start, int end, int sentence,
             boolean breakBefore, boolean capitalized, boolean allCaps, boolean arabic, boolean numeric) {

    boolean has(String form) {
        for (String f : forms) {
            if (f.equals(form)) {
                return true;
            }
        }
        return false;
    }
}
