package org.newsdesk.resignations.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;

/** Numbers the sources of one reply in the order they are first cited: [1], [2]… */
public final class Citations {
    private final Snapshot snapshot;
    private final UnaryOperator<String> safeUrl;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    Citations(Snapshot snapshot, UnaryOperator<String> safeUrl) {
        this.snapshot = snapshot;
        this.safeUrl = safeUrl;
    }

    /** "[1](url)[2](url)"; a source without URL is cited as a plain [n]. */
    public String cite(List<String> sourceIds) {
        StringBuilder b = new StringBuilder();
        for (String id : sourceIds) {
            int n = numbers.computeIfAbsent(id, k -> numbers.size() + 1);
            Source s = snapshot.source(id).orElse(null);
            if (s != null && s.url() != null) {
                b.append("[\\[").append(n).append("\\]](").append(safeUrl.apply(s.url())).append(')');
            } else {
                b.append("\\[").append(n).append("\\]");
            }
        }
        return b.toString();
    }

    /** "[1][2]" (escaped), without links: the card links each source once, in its list under it. */
    String plain(List<String> sourceIds) {
        StringBuilder b = new StringBuilder();
        for (String id : sourceIds) {
            b.append("\\[").append(numbers.computeIfAbsent(id, k -> numbers.size() + 1)).append("\\]");
        }
        return b.toString();
    }

    boolean isCited(String id) {
        return numbers.containsKey(id);
    }

    List<Source> cited() {
        List<Source> out = new ArrayList<>();
        numbers.keySet().forEach(id -> snapshot.source(id).ifPresent(out::add));
        return out;
    }

    /** A source's outlet by the name a reply in this language gives it (its Arabic name where it has one). */
    String outletName(Source s, Lang lang) {
        return snapshot.outletName(s, lang);
    }

    int number(String id) {
        return numbers.getOrDefault(id, 0);
    }
}
