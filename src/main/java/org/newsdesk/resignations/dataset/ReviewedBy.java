package org.newsdesk.resignations.dataset;

/**
 * Who reviewed an entry added or corrected from Discord, and when: the second pair of eyes the
 * desk requires before an entry is served.
 *
 * @param reviewer the reviewing editor (a Discord user id, or "console")
 * @param at       when it was approved, UTC, as {@code 2026-12-02T08:15:00Z}
 */
public record ReviewedBy(String reviewer, String at) {

    /** The shape the schema demands of {@code at}. */
    public static final String AT_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$";
}
