package org.newsdesk.resignations.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One REST call the bot made to the fake Discord.
 *
 * @param path  without the /api/v10 prefix, e.g. "/interactions/12/tok/callback"
 * @param json  the JSON body (for multipart uploads, the payload_json part), or a missing node
 */
public record Recorded(long at, String method, String path, String query, Map<String, List<String>> headers,
                       String body, JsonNode json) {

    public boolean is(String method, String pathRegex) {
        return this.method.equals(method) && path.matches(pathRegex);
    }

    public boolean isInteractionCallback() {
        return method.equals("POST") && path.matches("/interactions/\\d+/[^/]+/callback");
    }

    /** The interaction id of a callback, e.g. "/interactions/12/tok/callback" gives 12. */
    public long interactionId() {
        return Long.parseLong(path.split("/")[2]);
    }

    /** True for a request that creates or edits a message (callbacks of type 4 and 7, webhooks). */
    public boolean carriesMessage() {
        if (isInteractionCallback()) {
            int type = json.path("type").asInt();
            return type == 4 || type == 7;
        }
        return (method.equals("POST") || method.equals("PATCH"))
                && (path.startsWith("/webhooks/") || path.matches("/channels/\\d+/messages.*"));
    }

    /** The message part of the body: "data" for an interaction callback, the body itself otherwise. */
    public JsonNode message() {
        return isInteractionCallback() ? json.path("data") : json;
    }

    /** Names of the files uploaded with this request (multipart parts with a filename). */
    public List<String> files() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("filename=\"([^\"]*)\"").matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}
