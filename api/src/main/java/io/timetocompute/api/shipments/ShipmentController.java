package io.timetocompute.api.shipments;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.timetocompute.events.contract.EventData;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.api.plan.ChangeAccepted;
import io.timetocompute.api.plan.PlanView;
import io.timetocompute.api.web.ResourceNotFoundException;

@Tag(name = "Shipments", description = "Equipment on its way: need-by dates, slack, ETA and delivery what-ifs")
@RestController
@RequestMapping("/api/portfolios/{portfolioId}/shipments")
class ShipmentController {

    private final PlanView plan;

    ShipmentController(PlanView plan) {
        this.plan = plan;
    }

    @Operation(summary = "Shipments with their need-by date and slack, optionally of one site or only the late ones")
    @GetMapping
    List<ShipmentRow> shipments(@PathVariable String portfolioId, @RequestParam(required = false) String siteId,
            @RequestParam(required = false) Boolean late) {
        if (siteId != null) {
            plan.site(portfolioId, siteId);
        }
        return plan.publication(portfolioId).projection().shipments().stream()
                .filter(shipment -> siteId == null || siteId.equals(shipment.siteId()))
                .map(ShipmentRow::of)
                .filter(shipment -> late == null || shipment.late() == late)
                .toList();
    }

    @Operation(summary = "One shipment with its need-by date and slack")
    @GetMapping("/{shipmentId}")
    ShipmentRow shipment(@PathVariable String portfolioId, @PathVariable String shipmentId) {
        return plan.publication(portfolioId).projection().shipments().stream()
                .filter(shipment -> shipment.id().equals(shipmentId)).findFirst().map(ShipmentRow::of)
                .orElseThrow(() -> new ResourceNotFoundException("shipment", shipmentId));
    }

    record EtaRequest(@NotNull LocalDate newDate, @Size(max = 500) String reason) {
    }

    @Operation(summary = "What-if: the supplier promises another arrival date")
    @PostMapping("/{shipmentId}/eta")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChangeAccepted eta(@PathVariable String portfolioId,
            @PathVariable String shipmentId, @Valid @RequestBody EtaRequest request) {
        plan.shipment(portfolioId, shipmentId);
        return plan.submit(portfolioId, EventTypes.SHIPMENT_ETA_CHANGED, shipmentId,
                new EventData.ShipmentEtaChanged(shipmentId, request.newDate(), request.reason()));
    }

    /** @param deliveredDate like a delivery event's date, it cannot be in the future */
    record DeliveryRequest(@NotNull @PastOrPresent LocalDate deliveredDate) {
    }

    @Operation(summary = "The shipment arrived on site")
    @PostMapping("/{shipmentId}/delivery")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChangeAccepted delivery(@PathVariable String portfolioId,
            @PathVariable String shipmentId, @Valid @RequestBody DeliveryRequest request) {
        plan.shipment(portfolioId, shipmentId);
        return plan.submit(portfolioId, EventTypes.SHIPMENT_DELIVERED, shipmentId,
                new EventData.ShipmentDelivered(shipmentId, request.deliveredDate(), null, true));
    }
}
