package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;

/** The mapper of the dataset format: snake_case, strict binding, and the parser's read limits. */
final class DatasetMapper {

    private DatasetMapper() {
    }

    static ObjectMapper create() {
        // Strict binding: no type coercion, no unknown fields, dates only as ISO strings. See
        // EntryShape for why it matters.
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule()
                        .addDeserializer(LocalDate.class, new StrictLocalDate())
                        .addDeserializer(String.class, new SharedIds()))
                .build();
        for (var shape : new CoercionInputShape[]{
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(shape, CoercionAction.Fail);
        }
        // Enforced by the parser as it reads (no work of ours per token): a 200 MB string stops
        // at the first 100,000 characters instead of filling the heap.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(DatasetLoader.MAX_STRING_CHARS)
                .maxNameLength(DatasetLoader.MAX_NAME_CHARS)
                .maxNestingDepth(DatasetLoader.MAX_NESTING)
                .maxNumberLength(DatasetLoader.MAX_NUMBER_CHARS)
                .maxDocumentLength(DatasetLoader.MAX_FILE_BYTES)
                .build());
        return mapper;
    }
}
