package io.timetocompute.api.suppliers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.security.Roles;
import io.timetocompute.api.shipments.ShipmentRow;
import io.timetocompute.api.web.ResourceNotFoundException;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * What the plan needs from a supplier, in every active portfolio: its own shipments with their need-by dates and
 * slack. A supplier reads only its own (its user name is its slug); planners read any supplier's.
 */
@Tag(name = "Suppliers", description = "A supplier's shipments, need-by dates and slack across portfolios")
@RestController
class SupplierController {

    private final LivePlans plans;

    SupplierController(LivePlans plans) {
        this.plans = plans;
    }

    /** A shipment of the supplier in one portfolio. */
    record SupplierShipment(String portfolioId, String portfolioName, ShipmentRow shipment) {
    }

    @Operation(summary = "A supplier's shipments in every active portfolio, with need-by date and slack",
            description = "supplier is the slug of the supplier's name (as in its CloudEvents source "
                    + "/suppliers/<slug>). Portfolios without a published schedule yet are left out.")
    @GetMapping("/api/suppliers/{supplier}/shipments")
    List<SupplierShipment> shipments(@PathVariable String supplier, Authentication user) {
        Optional<String> own = Roles.supplierOf(user);
        if (own.isPresent() && !own.get().equals(supplier)) {
            throw new AccessDeniedException("a supplier reads its own shipments only");
        }
        List<SupplierShipment> shipments = new ArrayList<>();
        boolean known = false;
        for (String portfolioId : plans.ids()) {
            LivePlan plan;
            try {
                plan = plans.plan(portfolioId);
            } catch (ResourceNotFoundException archivedMeanwhile) {
                continue;
            }
            known |= plan.portfolio().shipments().stream()
                    .anyMatch(shipment -> Suppliers.slugOf(shipment.supplier()).equals(supplier));
            String name = plan.portfolio().name();
            plan.latestPublication().ifPresent(publication -> publication.projection().shipments().stream()
                    .filter(shipment -> Suppliers.slugOf(shipment.supplier()).equals(supplier))
                    .forEach(shipment -> shipments.add(new SupplierShipment(portfolioId, name,
                            ShipmentRow.of(shipment)))));
        }
        if (!known && own.isEmpty()) {
            throw new ResourceNotFoundException("supplier", supplier);
        }
        return shipments;
    }
}
