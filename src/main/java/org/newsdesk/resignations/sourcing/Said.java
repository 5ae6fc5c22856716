package org.newsdesk.resignations.sourcing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;

/**
 * A sentence not yet put into words: a template key of {@code responses/} and its values, said
 * in English in the log and in the admins' language in the admin channel. A value that is itself
 * a {@code Said} is put into words in the same language.
 *
 * @param args alternating names and values, as {@link Templates#get(Lang, String, Object...)} takes them
 */
public record Said(String key, List<Object> args) {

    public Said {
        args = List.copyOf(args);
    }

    public static Said of(String key, Object... namesAndValues) {
        return new Said(key, Arrays.asList(namesAndValues));
    }

    public String in(Templates templates, Lang lang) {
        List<Object> filled = new ArrayList<>(args.size());
        for (Object a : args) {
            filled.add(a instanceof Said s ? s.in(templates, lang) : a);
        }
        return templates.get(lang, key, filled.toArray());
    }
}
