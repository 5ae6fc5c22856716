package org.newsdesk.resignations.discord.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response the fake Discord gives once instead of its normal one, e.g. a 429 with rate-limit
 * headers, a 5xx, or a 403 for a channel the bot cannot post in.
 */
public record Canned(int status, Map<String, String> headers, String body) {

    public static Canned status(int status, String body) {
        return new Canned(status, Map.of(), body);
    }

    /**
     * A 429 as Discord sends it: Retry-After in seconds, the bucket headers, a JSON body, and
     * {@code Via} (JDA takes a 429 without it for a Cloudflare ban). A global limit carries
     * {@code X-RateLimit-Global}.
     */
    public static Canned rateLimited(double retryAfterSeconds, boolean global) {
        String after = String.valueOf(retryAfterSeconds);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Retry-After", String.valueOf((int) Math.ceil(retryAfterSeconds)));
        h.put("X-RateLimit-Limit", "5");
        h.put("X-RateLimit-Remaining", "0");
        h.put("X-RateLimit-Reset-After", after);
        h.put("X-RateLimit-Bucket", "fake-bucket");
        h.put("X-RateLimit-Scope", global ? "global" : "user");
        h.put("Via", "1.1 google");
        if (global) {
            h.put("X-RateLimit-Global", "true");
        }
        return new Canned(429, Map.copyOf(h),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":" + after + ",\"global\":" + global + "}");
    }

    public static Canned forbidden() {
        return status(403, "{\"message\":\"Missing Access\",\"code\":50001}");
    }

    public static Canned notFound() {
        return status(404, "{\"message\":\"Unknown Channel\",\"code\":10003}");
    }

    public static Canned serverError() {
        return status(502, "{\"message\":\"Bad Gateway\",\"code\":0}");
    }
}
