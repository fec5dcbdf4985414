package io.timetocompute.scheduler.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes portfolios and other scheduler documents as JSON (dates as ISO-8601 strings). */
public final class PortfolioJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PortfolioJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Portfolio read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidPortfolioException("portfolio file not found: " + file);
        } catch (IOException e) {
            throw new InvalidPortfolioException("cannot read portfolio file " + file + ": " + e.getMessage());
        }
    }

    public static Portfolio read(InputStream in, String sourceName) {
        try {
            Portfolio portfolio = MAPPER.readValue(in, Portfolio.class);
            if (portfolio == null) {
                throw new InvalidPortfolioException(sourceName + " is empty");
            }
            return portfolio;
        } catch (JsonProcessingException e) {
            throw new InvalidPortfolioException("invalid portfolio JSON in " + sourceName + ": "
                    + e.getOriginalMessage() + " at " + e.getLocation().offsetDescription()
                    + " (path " + pathOf(e) + ")");
        } catch (IOException e) {
            throw new InvalidPortfolioException("cannot read " + sourceName + ": " + e.getMessage());
        }
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return mapping.getPathReference();
        }
        return "$";
    }

    public static void write(Object document, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, document);
        }
    }

    public static String toJson(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + document.getClass().getSimpleName(), e);
        }
    }
}
