package io.timetocompute.api.scenarios;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * The scheduler's JSON (the portfolio format's mapper) for what a scenario stores: results as text, the portfolio
 * and schedule gzipped. Results are read leniently: derived properties (a report's {@code refused}) are written too.
 */
final class ScenarioJson {

    private static final ObjectMapper WRITER = PortfolioJson.mapper();
    private static final ObjectMapper READER = PortfolioJson.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioJson() {
    }

    static ObjectMapper mapper() {
        return WRITER;
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return READER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            WRITER.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T> T gunzip(byte[] gz, Class<T> type) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return READER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Portfolio gunzipPortfolio(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return PortfolioJson.read(in, "stored scenario portfolio");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
