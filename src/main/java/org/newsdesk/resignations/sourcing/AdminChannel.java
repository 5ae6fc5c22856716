package org.newsdesk.resignations.sourcing;

import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;

/**
 * Where background work tells the admins what went wrong, in their language. notify's
 * {@code Notifier} is one (app wires it in), so that sourcing never depends on notify.
 */
public interface AdminChannel {

    Templates templates();

    /** The admins' language. */
    Lang fallback();

    /** Posts a text to the admin channel; never throws for a channel that is gone. */
    void tellAdmins(String text);
}
