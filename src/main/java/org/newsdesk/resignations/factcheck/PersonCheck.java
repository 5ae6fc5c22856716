package org.newsdesk.resignations.factcheck;

import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Entry;

/**
 * Everything checked about one official the claim names.
 *
 * @param entry       the dataset's record, or empty when the name is not in the dataset (or fits several)
 * @param typed       the name as the claim wrote it
 * @param approximate true when the name was matched despite a spelling difference
 * @param suggestions nearest names, offered when {@code entry} is empty
 */
public record PersonCheck(Optional<Entry> entry, String typed, boolean approximate, List<Entry> suggestions,
                          List<Judgement> judgements) {

    public PersonCheck {
        suggestions = List.copyOf(suggestions);
        judgements = List.copyOf(judgements);
    }

    public Verdict worst() {
        return Verdict.worst(judgements.stream().map(Judgement::verdict).toList());
    }
}
