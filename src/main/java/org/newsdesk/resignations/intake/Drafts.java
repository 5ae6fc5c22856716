package org.newsdesk.resignations.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.SourceKind;

/**
 * Drafts between the form's steps, under a short random key (carried in the forms' and buttons'
 * ids). They live for 30 minutes, time enough to find a source: in memory, and, when a
 * {@link Backing} is given (the store's drafts table), also in the database, so that a draft
 * survives a restart and any process of a fleet can take the next step. Without one, a restart
 * forgets them and the editor is told to start again.
 */
public final class Drafts {

    /** Where drafts are kept beyond this process: the fields as JSON, opaque to the backing. */
    public interface Backing {
        void save(String id, long owner, String json, long now, long expiresAt);

        /** The JSON, unless unknown or expired at {@code now}. */
        Optional<String> load(String id, long now);

        /** @return whether it was there (of two takers, one gets true) */
        boolean remove(String id);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final Duration KEEP = Duration.ofMinutes(30);
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Cache<String, Draft> kept;
    /** Drafts taken out to be written, so that a form sent again is told so rather than "expired". */
    private final Cache<String, Boolean> claimed;
    private final SecureRandom random = new SecureRandom();
    private final Optional<Backing> backing;
    private final Duration keep;
    private final Clock clock;

    public Drafts() {
        this(KEEP, 10_000);
    }

    public Drafts(Duration keep, long max) {
        this(keep, max, Optional.empty(), Clock.systemUTC());
    }

    /** Drafts kept in the database too (see {@link Backing}). */
    public Drafts(Backing backing, Clock clock) {
        this(KEEP, 10_000, Optional.of(backing), clock);
    }

    private Drafts(Duration keep, long max, Optional<Backing> backing, Clock clock) {
        this.kept = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(max).build();
        this.claimed = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(max).build();
        this.backing = backing;
        this.keep = keep;
        this.clock = clock;
    }

    private void save(Draft d) {
        backing.ifPresent(b -> {
            long now = clock.millis();
            b.save(d.id(), d.owner(), encode(d), now, now + keep.toMillis());
        });
    }

    /** The draft from memory, else from the backing (a draft made before a restart, or by another process). */
    private Optional<Draft> find(String id) {
        Draft d = kept.getIfPresent(id);
        if (d != null || backing.isEmpty()) {
            return Optional.ofNullable(d);
        }
        Optional<Draft> stored = backing.get().load(id, clock.millis()).flatMap(Drafts::decode);
        stored.ifPresent(x -> kept.asMap().putIfAbsent(id, x));
        return stored.map(x -> kept.asMap().getOrDefault(id, x));
    }

    static String encode(Draft d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id()).put("owner", d.owner()).put("lang", d.lang().name()).put("departure", d.departure().name())
                .put("sourceKind", d.sourceKind().name());
        d.sourceLanguage().ifPresent(l -> o.put("sourceLanguage", l));
        d.target().ifPresent(t -> o.put("target", t));
        ObjectNode values = o.putObject("values");
        d.values().forEach((f, v) -> values.put(f.name(), v));
        return o.toString();
    }

    /** Empty for a draft this release cannot read (written by another release): the editor starts again. */
    static Optional<Draft> decode(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            Map<Field, String> values = new EnumMap<>(Field.class);
            o.path("values").fields().forEachRemaining(e -> values.put(Field.valueOf(e.getKey()), e.getValue().asText()));
            return Optional.of(new Draft(o.path("id").asText(), o.path("owner").asLong(), Lang.valueOf(o.path("lang").asText()),
                    Departure.valueOf(o.path("departure").asText()), SourceKind.valueOf(o.path("sourceKind").asText()),
                    o.hasNonNull("sourceLanguage") ? Optional.of(o.get("sourceLanguage").asText()) : Optional.empty(), values,
                    o.hasNonNull("target") ? Optional.of(o.get("target").asText()) : Optional.empty()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
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
        save(d);
    }

    /**
     * Stores {@code now} in place of {@code was}, only if {@code was} is still the draft kept
     * (not claimed or replaced meanwhile by another submit of the same form).
     */
    public boolean replace(Draft was, Draft now) {
        find(was.id());
        if (!kept.asMap().replace(was.id(), was, now)) {
            return false;
        }
        save(now);
        return true;
    }

    /** Whether the draft was taken out to be written (and not put back). */
    public boolean wasClaimed(String id) {
        return id != null && claimed.getIfPresent(id) != null;
    }

    public Optional<Draft> get(String id) {
        return id == null ? Optional.empty() : find(id);
    }

    /**
     * Takes the draft out, so that only one submit of it can go on to write (a form sent twice,
     * or two clicks): the others find it gone. Put it back with {@link #put} to let it be fixed.
     */
    public Optional<Draft> claim(String id, long owner) {
        find(id);
        Draft[] taken = new Draft[1];
        kept.asMap().computeIfPresent(id, (k, d) -> {
            if (d.owner() != owner) {
                return d;
            }
            taken[0] = d;
            claimed.put(k, Boolean.TRUE);
            return null;
        });
        if (taken[0] != null && backing.isPresent() && !backing.get().remove(id)) {
            return Optional.empty();   // another process took it first
        }
        return Optional.ofNullable(taken[0]);
    }
}
