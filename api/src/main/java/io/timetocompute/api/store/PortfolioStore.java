package io.timetocompute.api.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * The portfolio the plan started from (the demo, a configured file, or the last import). With the events applied
 * since {@link StoredPortfolio#importedAt()} it rebuilds the plan after a restart. Kept gzipped: a 100k-task
 * portfolio's JSON would pass MongoDB's 16 MB document limit.
 */
public final class PortfolioStore {

    private static final String CURRENT = "current";

    private final MongoTemplate template;
    private final StoreCommit commit;

    public PortfolioStore(MongoTemplate template, StoreCommit commit) {
        this.template = template;
        this.commit = commit;
    }

    public record StoredPortfolio(Portfolio portfolio, Instant importedAt, String origin) {
    }

    @Document("portfolios")
    record PortfolioDocument(@Id String id, byte[] gzippedJson, Instant importedAt, String origin) {
    }

    public Optional<StoredPortfolio> load() {
        return Optional.ofNullable(template.findById(CURRENT, PortfolioDocument.class))
                .map(document -> new StoredPortfolio(PortfolioJson.read(new ByteArrayInputStream(gunzip(document.gzippedJson())), "the stored portfolio"),
                        document.importedAt(), document.origin()));
    }

    /** @return where the current portfolio came from, without reading the portfolio itself */
    public Optional<String> origin() {
        Query query = new Query(Criteria.where("_id").is(CURRENT));
        query.fields().include("origin");
        return Optional.ofNullable(template.findOne(query, PortfolioDocument.class)).map(PortfolioDocument::origin);
    }

    /** @param origin where it came from, in words (the demo, a file, an import by a user) */
    public void save(Portfolio portfolio, Instant importedAt, String origin) {
        template.save(new PortfolioDocument(CURRENT, gzip(PortfolioJson.toJson(portfolio)), importedAt, origin));
        commit.commit();
    }

    private static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the stored portfolio is not readable", e);
        }
    }
}
