package io.timetocompute.scheduler.replanning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;

/** Replaces one shipment, pool, task or site of a portfolio by id, refusing ids that do not exist. */
final class Changes {

    private Changes() {
    }

    static Portfolio shipment(Portfolio portfolio, String id, UnaryOperator<Shipment> change) {
        return portfolio.withShipments(replace(portfolio.shipments(), Shipment::id, id, "shipment", change));
    }

    static Portfolio pool(Portfolio portfolio, String id, UnaryOperator<LaborPool> change) {
        return portfolio.withPools(replace(portfolio.pools(), LaborPool::id, id, "pool", change));
    }

    static Portfolio task(Portfolio portfolio, String id, UnaryOperator<Task> change) {
        return portfolio.withTasks(replace(portfolio.tasks(), Task::id, id, "task", change));
    }

    static Portfolio site(Portfolio portfolio, String id, UnaryOperator<Site> change) {
        return portfolio.withSites(replace(portfolio.sites(), Site::id, id, "site", change));
    }

    private static <T> List<T> replace(List<T> items, java.util.function.Function<T, String> idOf, String id,
            String kind, UnaryOperator<T> change) {
        List<T> result = new ArrayList<>(items);
        for (int i = 0; i < result.size(); i++) {
            if (idOf.apply(result.get(i)).equals(id)) {
                result.set(i, change.apply(result.get(i)));
                return result;
            }
        }
        throw new InvalidChangeException("unknown " + kind + " " + id);
    }
}
