package org.newsdesk.resignations.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.Text;
import org.newsdesk.resignations.render.Dates;
import org.newsdesk.resignations.render.Templates;

/**
 * schema.org ClaimReview (JSON-LD) for every value the dataset rejects: a claim some source made
 * (the article under review, or another outlet) that better sources contradict. Written in the
 * reply language; a JSON array with one self-contained ClaimReview per rejected value.
 *
 * <p>{@code url} is the review's address on the newsroom's own fact-check page: {@code reviewBase}
 * (config {@code export.claimreview_base_url}) plus "#entry-fact". Without it the review carries no
 * {@code url}: a third party's article is evidence, not the review, and no address is invented.
 */
public final class ClaimReviewExport {

    public static final String CONTENT_TYPE = "application/ld+json";

    /** The facts that can carry a rejected value, with the key of their wording in the templates. */
    private enum Kind {
        DEPARTURE("departure", "incorrect"),
        OFFICE("office", "incorrect"),
        TITLE("title", "incorrect"),
        ANNOUNCED("announced", "false"),
        EFFECTIVE("effective", "false"),
        STATED_REASON("stated", "misattributed"),
        REPORTED_REASON("reported", "misattributed");

        final String key;
        final String rating;

        Kind(String key, String rating) {
            this.key = key;
            this.rating = rating;
        }
    }

    private final Templates t;
    private final Dates dates;
    private final Clock clock;
    private final Optional<String> reviewBase;
    private final ObjectMapper json = new ObjectMapper();

    public ClaimReviewExport(Templates templates, Clock clock, Optional<String> reviewBase) {
        this.t = templates;
        this.dates = new Dates(templates);
        this.clock = clock;
        this.reviewBase = reviewBase.map(String::strip).filter(b -> b.startsWith("https://") || b.startsWith("http://"));
    }

    public byte[] write(Snapshot s, Lang lang) {
        return write(reviews(s, lang));
    }

    /** Reviews made by {@link #reviews}, as the bytes of the file. */
    public byte[] write(ArrayNode reviews) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(reviews);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One ClaimReview per rejected value that a source carried, in the timeline's order. */
    public ArrayNode reviews(Snapshot s, Lang lang) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Entry e : s.chronological()) {
            for (Kind k : Kind.values()) {
                Fact<?> f = fact(e, k);
                if (f == null) {
                    continue;
                }
                for (Attested<?> v : f.rejected()) {
                    if (!v.sources().isEmpty()) {
                        out.add(review(s, e, k, f, v, lang));
                    }
                }
            }
        }
        return out;
    }

    private ObjectNode review(Snapshot s, Entry e, Kind k, Fact<?> f, Attested<?> v, Lang lang) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("@context", "https://schema.org");
        r.put("@type", "ClaimReview");
        url(s, e, k, f).ifPresent(u -> r.put("url", u));
        r.put("claimReviewed", claim(e, k, v, lang));
        r.put("inLanguage", lang.code());
        r.put("datePublished", LocalDate.now(clock).toString());
        ObjectNode author = r.putObject("author");
        author.put("@type", "Organization");
        author.put("name", s.dataset().dataset().maintainer());

        ObjectNode rating = r.putObject("reviewRating");
        rating.put("@type", "Rating");
        rating.put("alternateName", t.get(lang, "export.rating." + k.rating));
        if (v.note() != null) {
            rating.put("ratingExplanation", v.note().in(lang));
        }

        List<Source> carriers = v.sources().stream().map(s::source).flatMap(Optional::stream).toList();
        ObjectNode claim = r.putObject("itemReviewed");
        claim.put("@type", "Claim");
        ArrayNode authors = JsonNodeFactory.instance.arrayNode();
        for (Source src : carriers) {
            ObjectNode a = authors.addObject();
            a.put("@type", "Organization");
            a.put("name", src.outlet());
        }
        claim.set("author", authors.size() == 1 ? authors.get(0) : authors);
        carriers.stream().map(Source::published).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .ifPresent(d -> claim.put("datePublished", d.toString()));
        ArrayNode appearances = JsonNodeFactory.instance.arrayNode();
        for (Source src : carriers) {
            if (src.url() != null) {
                ObjectNode a = appearances.addObject();
                a.put("@type", "CreativeWork");
                a.put("url", src.url());
                if (src.published() != null) {
                    a.put("datePublished", src.published().toString());
                }
                ObjectNode publisher = a.putObject("publisher");
                publisher.put("@type", "Organization");
                publisher.put("name", src.outlet());
            }
        }
        if (!appearances.isEmpty()) {
            claim.set("appearance", appearances.size() == 1 ? appearances.get(0) : appearances);
        }
        ArrayNode evidence = JsonNodeFactory.instance.arrayNode();
        evidenceUrls(s, f).forEach(evidence::add);
        if (!evidence.isEmpty()) {
            r.set("citation", evidence);
        }
        return r;
    }

    /** The rejected value in words: "Lily Greenberg Call resigned on 8 May 2024". */
    String claim(Entry e, Kind k, Attested<?> v, Lang lang) {
        String name = e.name().in(lang);
        Object value = v.value();
        return switch (k) {
            case ANNOUNCED -> {
                boolean resigned = e.departure() != null && e.departure().primary()
                        .map(d -> d.value() == Departure.RESIGNED).orElse(false);
                yield t.get(lang, "export.claim.announced." + (resigned ? "resigned" : "other"),
                        "name", name, "date", dates.format((PartialDate) value, v.part(), lang));
            }
            case EFFECTIVE -> t.get(lang, "export.claim.effective", "name", name,
                    "date", dates.format((PartialDate) value, v.part(), lang));
            case DEPARTURE -> t.get(lang, "export.claim.departure", "name", name,
                    "value", t.get(lang, "departure." + ((Departure) value).key()));
            default -> t.get(lang, "export.claim." + k.key, "name", name, "value", ((Text) value).in(lang));
        };
    }

    private Optional<String> url(Snapshot s, Entry e, Kind k, Fact<?> f) {
        return reviewBase.map(base -> base + "#" + e.id() + "-" + k.key);
    }

    /** Links to the sources of what the dataset stands behind; of every credible value when it takes no side. */
    private static List<String> evidenceUrls(Snapshot s, Fact<?> f) {
        List<? extends Attested<?>> values = f.preferred().<List<? extends Attested<?>>>map(List::of).orElse(f.credible());
        return values.stream().flatMap(v -> v.sources().stream()).distinct()
                .map(s::source).flatMap(Optional::stream).map(Source::url)
                .filter(u -> u != null && (u.startsWith("https://") || u.startsWith("http://")))
                .distinct().toList();
    }

    private static Fact<?> fact(Entry e, Kind k) {
        Function<Entry, Fact<?>> get = switch (k) {
            case DEPARTURE -> Entry::departure;
            case OFFICE -> Entry::office;
            case TITLE -> Entry::title;
            case ANNOUNCED -> Entry::announced;
            case EFFECTIVE -> Entry::effective;
            case STATED_REASON -> Entry::statedReason;
            case REPORTED_REASON -> Entry::reportedReason;
        };
        return get.apply(e);
    }
}
