package org.newsdesk.resignations.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/**
 * Drafts between the form's steps, under a short random key (carried in the forms' and buttons'
 * ids). They live in memory for 30 minutes, time enough to find a source; a restart forgets
 * them, and the editor is told to start again.
 */
public final class Drafts {

    public static final Duration KEEP = Duration.ofMinutes(30);
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Cache<String, Draft> kept;
    /** Drafts taken out to be written, so that a form sent again is told so rather than "expired". */
    private final Cache<String, Boolean> claimed;
    private final SecureRandom random = new SecureRandom();

    public Drafts() {
        this(KEEP, 10_000);
    }

    public Drafts(Duration keep, long max) {
        this.kept = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(max).build();
        this.claimed = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(max).build();
    }

    public String newId() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    public void put(Draft d) {
        kept.put(d.id(), d);
        claimed.invalidate(d.id());
    }

    /**
     * Stores {@code now} in place of {@code was}, only if {@code was} is still the draft kept
     * (not claimed or replaced meanwhile by another submit of the same form).
     */
    public boolean replace(Draft was, Draft now) {
        return kept.asMap().replace(was.id(), was, now);
    }

    /** Whether the draft was taken out to be written (and not put back). */
    public boolean wasClaimed(String id) {
        return id != null && claimed.getIfPresent(id) != null;
    }

    public Optional<Draft> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(kept.getIfPresent(id));
    }

    /**
     * Takes the draft out, so that only one submit of it can go on to write (a form sent twice,
     * or two clicks): the others find it gone. Put it back with {@link #put} to let it be fixed.
     */
    public Optional<Draft> claim(String id, long owner) {
        Draft[] taken = new Draft[1];
        kept.asMap().computeIfPresent(id, (k, d) -> {
            if (d.owner() != owner) {
                return d;
            }
            taken[0] = d;
            claimed.put(k, Boolean.TRUE);
            return null;
        });
        return Optional.ofNullable(taken[0]);
    }
}
