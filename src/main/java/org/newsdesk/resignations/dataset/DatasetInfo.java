package org.newsdesk.resignations.dataset;

import org.jspecify.annotations.Nullable;

public record DatasetInfo(Text title, String maintainer, @Nullable Text citation) {
}
