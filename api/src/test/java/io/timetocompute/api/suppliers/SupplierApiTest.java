package io.timetocompute.api.suppliers;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import io.timetocompute.api.ApiIntegrationTest;

/** A supplier reads its own shipments' need-by dates and slack, in every portfolio, and lands on its own page. */
class SupplierApiTest extends ApiIntegrationTest {

    private static final String SUPPLIER = "meridian-switchgear";

    @Test
    void aSupplierReadsItsOwnShipmentsWithNeedByDatesAndSlack() throws Exception {
        mvc.perform(get("/api/suppliers/{s}/shipments", SUPPLIER).with(supplier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(greaterThan(0))))
                .andExpect(jsonPath("$[*].portfolioId", everyItem(is("demo"))))
                .andExpect(jsonPath("$[*].shipment.supplier", everyItem(is("Meridian Switchgear"))))
                .andExpect(jsonPath("$[0].shipment.arrivalDate").isString())
                .andExpect(jsonPath("$[0].shipment.late").isBoolean());
    }

    @Test
    void aSupplierMayNotReadAnotherSuppliersShipmentsNorThePlan() throws Exception {
        mvc.perform(get("/api/suppliers/{s}/shipments", "baltic-magnetics").with(supplier()))
                .andExpect(problem(403, "forbidden", "your role may not GET"));
        mvc.perform(get("/api/portfolios/demo/shipments").with(supplier())).andExpect(status().isForbidden());
        mvc.perform(get("/api/suppliers/{s}/shipments", SUPPLIER).with(executive()))
                .andExpect(status().isForbidden());
    }

    @Test
    void plannersReadAnySuppliersShipmentsAndUnknownSuppliersAreNotFound() throws Exception {
        mvc.perform(get("/api/suppliers/{s}/shipments", SUPPLIER).with(planner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(greaterThan(0))));
        mvc.perform(get("/api/suppliers/{s}/shipments", "nobody-at-all").with(planner()))
                .andExpect(problem(404, "not-found", "no supplier 'nobody-at-all'"));
    }

    @Test
    void aSupplierLandsOnItsOwnPageAndTheOthersOnTheDashboard() throws Exception {
        mvc.perform(formLogin().user(SUPPLIER).password("demo"))
                .andExpect(redirectedUrl("/supplier.html"));
        mvc.perform(formLogin().user("executive").password("demo"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/supplier.html").with(httpBasic(SUPPLIER, "demo"))).andExpect(status().isOk());
        mvc.perform(get("/app/supplier.js").with(httpBasic(SUPPLIER, "demo"))).andExpect(status().isOk());
        mvc.perform(get("/supplier.html").with(executive())).andExpect(status().isForbidden());
    }
}
