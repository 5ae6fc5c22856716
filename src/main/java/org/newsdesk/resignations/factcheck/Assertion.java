package org.newsdesk.resignations.factcheck;

import java.util.Optional;

/**
 * One checkable assertion found in a claim.
 *
 * @param excerpt the words of the claim it was read from (never longer than a short phrase)
 * @param outlet  the outlet the text attributes it to ("according to The Washington Post"), as an
 *                outlet key; for reasons, the verdict is about what that outlet reported
 */
public record Assertion(Aspect aspect, Claimed claimed, String excerpt, Optional<String> outlet) {
}
