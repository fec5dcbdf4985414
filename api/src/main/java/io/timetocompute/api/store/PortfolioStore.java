package io.timetocompute.api.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * The portfolios, one document each under its portfolio id: the portfolio a live plan started from (the demo, a
 * configured file, a portfolio created or imported through the API), whether it is active or archived, and where it
 * came from. With the events applied since {@link StoredPortfolio#importedAt()} it rebuilds the plan after a
 * restart. Kept gzipped: a 100k-task portfolio's JSON would pass MongoDB's 16 MB document limit.
 */
public final class PortfolioStore {

    /** An active portfolio has a live plan; an archived one keeps its data but is no longer planned. */
    public enum Status { ACTIVE, ARCHIVED }

    private final MongoTemplate template;
    private final StoreCommit commit;

    public PortfolioStore(MongoTemplate template, StoreCommit commit) {
        this.template = template;
        this.commit = commit;
        StoreIndexes.create(template, PortfolioDocument.class);
    }

    public record StoredPortfolio(String portfolioId, Portfolio portfolio, Instant importedAt, String origin) {
    }

    /** A portfolio without its content, for listings. */
    public record PortfolioEntry(String portfolioId, String name, Status status, Instant importedAt, String origin,
            Instant archivedAt) {
    }

    @Document("portfolios")
    @CompoundIndex(name = "status_id", def = "{'status': 1, '_id': 1}")
    record PortfolioDocument(@Id String portfolioId, String name, String status, byte[] gzippedJson,
            Instant importedAt, String origin, Instant archivedAt) {
    }

    public Optional<StoredPortfolio> load(String portfolioId) {
        return Optional.ofNullable(template.findById(portfolioId, PortfolioDocument.class))
                .map(PortfolioStore::stored);
    }

    /** @return every active portfolio, by id */
    public List<StoredPortfolio> loadActive() {
        return template.find(query(where("status").is(Status.ACTIVE.name())).with(Sort.by("_id")),
                PortfolioDocument.class).stream().map(PortfolioStore::stored).toList();
    }

    /** @return every portfolio, active and archived, by id, without reading their content */
    public List<PortfolioEntry> list() {
        Query all = new Query().with(Sort.by("_id"));
        all.fields().exclude("gzippedJson");
        return template.find(all, PortfolioDocument.class).stream().map(PortfolioStore::entry).toList();
    }

    public Optional<PortfolioEntry> entry(String portfolioId) {
        Query one = query(where("_id").is(portfolioId));
        one.fields().exclude("gzippedJson");
        return Optional.ofNullable(template.findOne(one, PortfolioDocument.class)).map(PortfolioStore::entry);
    }

    /**
     * Stores a portfolio as active, replacing what was stored under its id.
     *
     * @param origin where it came from, in words (the demo, a file, an import by a user)
     */
    public void save(String portfolioId, Portfolio portfolio, Instant importedAt, String origin) {
        template.save(new PortfolioDocument(portfolioId, portfolio.name(), Status.ACTIVE.name(),
                gzip(PortfolioJson.toJson(portfolio)), importedAt, origin, null));
        commit.commit();
    }

    /** Marks a portfolio archived; its portfolio, events and history stay. @return whether it was active */
    public boolean archive(String portfolioId, Instant at) {
        boolean archived = template.updateFirst(query(where("_id").is(portfolioId)
                        .and("status").is(Status.ACTIVE.name())),
                new Update().set("status", Status.ARCHIVED.name()).set("archivedAt", at), PortfolioDocument.class)
                .getModifiedCount() > 0;
        commit.commit();
        return archived;
    }

    private static StoredPortfolio stored(PortfolioDocument document) {
        return new StoredPortfolio(document.portfolioId(), PortfolioJson.read(
                new ByteArrayInputStream(gunzip(document.gzippedJson())), "the stored portfolio "
                        + document.portfolioId()), document.importedAt(), document.origin());
    }

    private static PortfolioEntry entry(PortfolioDocument document) {
        return new PortfolioEntry(document.portfolioId(), document.name(), Status.valueOf(document.status()),
                document.importedAt(), document.origin(), document.archivedAt());
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
