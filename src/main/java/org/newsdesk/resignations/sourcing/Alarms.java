package org.newsdesk.resignations.sourcing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How background work says that something failed: the log hears it every time, the admin
 * channel once per kind of failure (until that kind clears), so a server down for a day or a
 * task failing at every run is one message, not a flood. Telling never throws: an alarm that
 * fails is logged, and the work goes on.
 */
public final class Alarms {

    private static final Logger LOG = LoggerFactory.getLogger(Alarms.class);
    static final String URL = "url:";

    private final Templates templates;
    private final Lang lang;
    private final Consumer<String> admins;
    private final Set<String> told = ConcurrentHashMap.newKeySet();

    /** @param admins posts a text to the admin channel (in {@code lang}) */
    public Alarms(Templates templates, Lang lang, Consumer<String> admins) {
        this.templates = templates;
        this.lang = lang;
        this.admins = admins;
    }

    /** Through the notifier's admin channel, or only the log without one. */
    public static Alarms of(Optional<? extends AdminChannel> notifier) {
        return notifier.map(n -> new Alarms(n.templates(), n.fallback(), n::tellAdmins))
                .orElseGet(() -> new Alarms(Templates.bundled(), Lang.EN, text -> { }));
    }

    /** A background task failed with anything, an Error included; it carries on. */
    public void taskFailed(String task, Throwable t) {
        LOG.error("The {} task failed ({}); it carries on", task, t.getClass().getName(), t);
        if (told.add("task:" + task + ":" + t.getClass().getName())) {
            tell(Said.of("notify.admin.task_failed", "task", task, "error", t.getClass().getSimpleName()));
        }
    }

    /** What a reload could not fetch (logged each time, told once per kind), or that fetching works again. */
    public void fetched(Optional<Reloader.Unavailable> down, String version) {
        if (down.isPresent()) {
            Said said = Said.of("notify.url.keeps", "problem", down.get().problem(), "version", version,
                    "seconds", down.get().retry().toSeconds());
            LOG.warn(said.in(templates, Lang.EN));
            if (told.add(URL + down.get().problem().key())) {
                tell(said);
            }
        } else if (told.removeIf(k -> k.startsWith(URL))) {
            Said said = Said.of("notify.url.back", "version", version);
            LOG.info(said.in(templates, Lang.EN));
            tell(said);
        }
    }

    private void tell(Said said) {
        try {
            admins.accept(said.in(templates, lang));
        } catch (RuntimeException e) {
            LOG.error("Could not tell the admin channel ({})", e.getClass().getName(), e);
        }
    }
}
