package org.newsdesk.resignations.dataset;

public record DatasetInfo(Text title, String maintainer, Text citation) {
}
