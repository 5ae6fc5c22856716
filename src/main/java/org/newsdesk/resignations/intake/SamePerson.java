package org.newsdesk.resignations.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.search.Normalizer;

/** Whether a form sent for review is about someone already served, added or waiting for review. */
final class SamePerson {

    private SamePerson() {
    }

    /**
     * The form's first step checked again at submission (the person may have been added
     * meanwhile), against the served dataset, the additions file and the entries still in review.
     * A correction names the person it corrects, which is no duplicate; it needs that person to
     * still be served.
     */
    static List<Flaw> flaws(Draft d, Directory dir, List<Pending> kept, AdditionsFile additions, LocalDate today) {
        List<Flaw> who = new ArrayList<>(FieldCheck.check(Field.Step.WHO, d.values(), dir, today));
        if (d.target().isPresent()) {
            // a correction names the person it corrects: that is no duplicate
            who.removeIf(f -> f.key().equals("add.flaw.exists") && f.args().contains(d.target().get()));
            if (dir.snapshot().entry(d.target().get()).isEmpty()) {
                who.add(Flaw.of(Field.NAME_EN, "review.flaw.gone", "id", d.target().get()));
            }
            return who;
        }
        if (who.isEmpty()) {
            try {
                Optional<Snapshot> saved = additions.read();
                if (saved.isPresent()) {
                    FieldCheck.existing(d.value(Field.NAME_EN), d.value(Field.NAME_AR), saved.get().entries()).ifPresent(who::add);
                }
            } catch (InvalidDatasetException e) {
                // the whole check below reports it
            }
        }
        if (who.isEmpty()) {
            for (Pending p : kept) {
                if (p.waiting() && !p.id().equals(d.id()) && !p.correction() && same(p.draft(), d)) {
                    who.add(Flaw.of(Field.NAME_EN, "review.flaw.pending", "name", p.draft().value(Field.NAME_EN), "id", p.id()));
                }
            }
        }
        return who;
    }

    private static boolean same(Draft a, Draft b) {
        return Normalizer.normalize(a.value(Field.NAME_EN)).equals(Normalizer.normalize(b.value(Field.NAME_EN)))
                || Normalizer.normalize(a.value(Field.NAME_AR)).equals(Normalizer.normalize(b.value(Field.NAME_AR)));
    }
}
