package io.timetocompute.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * What the web UI needs from the server, without a browser: its pages and libraries are served (WebJars without
 * versions in their paths), only to logged-in users, and a browser session gets the XSRF-TOKEN cookie that its logout
 * POST sends back. Same context as {@link WebUiBrowserTest}, so the two share one service start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ttc.planning.demo-tasks=300"})
@EmbeddedKafka(partitions = 1)
class WebUiResourcesTest {

    @LocalServerPort
    int port;

    @Test
    void servesThePagesAndTheirLibrariesToLoggedInUsers() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/", "/site.html", "/events.html", "/app/common.js", "/app/app.css",
                "/webjars/visjs/vis-timeline-graph2d.min.js", "/webjars/visjs/vis-timeline-graph2d.min.css",
                "/webjars/uplot/dist/uPlot.iife.min.js", "/webjars/uplot/dist/uPlot.min.css"}) {
            assertThat(client.send(get(path).header("Authorization", basic("executive")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
        }
        // Every page asks for the icon, logged in or not (the login page too): it is there for everyone.
        HttpResponse<byte[]> icon = client.send(get("/favicon.ico").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
        // The import page is the planners'.
        assertThat(client.send(get("/import.html").header("Authorization", basic("planner")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(client.send(get("/import.html").header("Authorization", basic("executive")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        HttpResponse<Void> anonymous = client.send(get("/").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        HttpResponse<String> me = client.send(get("/api/me").header("Authorization", basic("planner")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).contains("\"username\":\"planner\"", "\"roles\":[\"PLANNER\"]");
    }

    @Test
    void aSupplierGetsItsOwnPageAndThePagesUseThePortfolioRoutes() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/supplier.html", "/app/supplier.js", "/app/common.js", "/app/app.css"}) {
            assertThat(client.send(get(path).header("Authorization", basic("meridian-switchgear")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(client.send(get("/").header("Authorization", basic("meridian-switchgear")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        // Every API call of the pages is one of a portfolio, or one of the few that belong to none.
        java.util.regex.Pattern apiPath = java.util.regex.Pattern.compile("[`'\"](/api/[^`'\"?$]*)");
        for (String script : new String[] {"common", "dashboard", "site", "events", "timeline", "supplier", "import",
                "exports"}) {
            String source = client.send(get("/app/" + script + ".js").header("Authorization", basic("planner"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher paths = apiPath.matcher(source);
            while (paths.find()) {
                assertThat(paths.group(1)).as(script + ".js")
                        .matches("/api/(portfolios(/.*)?|me|suppliers/.*)");
            }
        }
    }

    @Test
    void aFormLoginSessionGetsTheCsrfCookieItsLogoutSendsBack() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(get("/login").build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf(cookies).orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("username=planner&password="
                        + URLEncoder.encode("demo", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        // A page alone must bring the token: Spring Security would only write it when a form or a POST needs it.
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .toList().forEach(cookie -> cookies.getCookieStore().remove(null, cookie));
        assertThat(browser.send(get("/").build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        String token = xsrf(cookies).orElseThrow();

        HttpResponse<Void> logout = browser.send(HttpRequest.newBuilder(url("/logout"))
                .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        // fetch() accepts anything, for which Spring Security answers a logout with 204 rather than a redirect.
        assertThat(logout.statusCode()).isIn(204, 302);
        HttpResponse<Void> after = browser.send(get("/").header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    private static Optional<String> xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN") && !cookie.getValue().isEmpty())
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpRequest.Builder get(String path) throws IOException {
        return HttpRequest.newBuilder(url(path)).GET();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
