package io.timetocompute.scheduler.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.replanning.InvalidChangeException;

/** Look-ups and replacements by id for levers; unknown ids are refused. */
final class Portfolios {

    private Portfolios() {
    }

    static Shipment shipment(Portfolio portfolio, String id) {
        return portfolio.shipments().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidChangeException("unknown shipment " + id));
    }

    static LaborPool pool(Portfolio portfolio, String id) {
        return portfolio.pools().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidChangeException("unknown pool " + id));
    }

    static ComputeBlock block(Portfolio portfolio, String id) {
        return portfolio.sites().stream().flatMap(site -> site.computeBlocks().stream())
                .filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidChangeException("unknown compute block " + id));
    }

    static Site siteOfBlock(Portfolio portfolio, String blockId) {
        return portfolio.sites().stream()
                .filter(site -> site.computeBlocks().stream().anyMatch(b -> b.id().equals(blockId))).findFirst()
                .orElseThrow(() -> new InvalidChangeException("unknown compute block " + blockId));
    }

    static Portfolio replaceBlock(Portfolio portfolio, String blockId, UnaryOperator<ComputeBlock> change) {
        block(portfolio, blockId);
        List<Site> sites = new ArrayList<>();
        for (Site site : portfolio.sites()) {
            List<ComputeBlock> blocks = site.computeBlocks().stream()
                    .map(b -> b.id().equals(blockId) ? change.apply(b) : b).toList();
            sites.add(new Site(site.id(), site.name(), site.region(), site.calendar(), site.powerAvailableDate(),
                    site.startNotBefore(), blocks));
        }
        return portfolio.withSites(sites);
    }
}
