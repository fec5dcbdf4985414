package io.timetocompute.scheduler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/** Keeps docs/portfolio.schema.json, docs/portfolio-format.md and the Java model in step. */
class PortfolioSchemaTest {

    private static final String EXAMPLE_MARKER = "<!-- example:portfolio -->";

    private static JsonSchema schema;
    private static Path docs;

    @BeforeAll
    static void loadSchema() throws IOException {
        docs = findDocs();
        JsonNode schemaNode = PortfolioJson.mapper().readTree(docs.resolve("portfolio.schema.json").toFile());
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
    }

    @Test
    void generatedDemoPortfolioValidates() {
        Portfolio demo = DemoPortfolioGenerator.generate(300, 11);

        assertThat(validate(PortfolioJson.toJson(demo))).isEmpty();
    }

    @Test
    void exampleInTheFormatDocValidatesParsesAndResolves() throws IOException {
        String example = exampleFromDoc();

        assertThat(validate(example)).isEmpty();
        Portfolio portfolio = PortfolioJson.read(
                new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)), "portfolio-format.md");
        assertThat(DemoPortfolioGeneratorTest.referenceProblems(portfolio)).isEmpty();
        assertThat(DemoPortfolioGeneratorTest.tasksOnCycles(portfolio)).isEmpty();
        assertThat(DemoPortfolioGeneratorTest.staffingProblems(portfolio)).isEmpty();
        assertThat(portfolio.tasks()).hasSize(6);
    }

    @Test
    void schemaRejectsWhatTheReaderRejects() throws IOException {
        ObjectNode unknownField = example();
        unknownField.put("owner", "someone");
        ObjectNode noDataDate = example();
        noDataDate.remove("dataDate");
        ObjectNode badDate = example();
        badDate.put("dataDate", "2026-13-01");
        ObjectNode bothAbsoluteAndDelta = example();
        ((ObjectNode) bothAbsoluteAndDelta.at("/pools/0/adjustments/0")).put("headcount", 10);
        ObjectNode shipmentWithoutDate = example();
        ((ObjectNode) shipmentWithoutDate.at("/shipments/0")).putNull("promisedDate");
        ObjectNode negativeDuration = example();
        ((ObjectNode) negativeDuration.at("/tasks/0/modes/0")).put("durationDays", -1);

        for (ObjectNode broken : new ObjectNode[] {unknownField, noDataDate, badDate, bothAbsoluteAndDelta,
                shipmentWithoutDate, negativeDuration}) {
            assertThat(validate(broken.toString())).as(broken.toString()).isNotEmpty();
        }
    }

    private static Set<ValidationMessage> validate(String json) {
        try {
            return schema.validate(PortfolioJson.mapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode example() throws IOException {
        return (ObjectNode) PortfolioJson.mapper().readTree(exampleFromDoc());
    }

    /** The JSON block right after the example marker in the format doc. */
    private static String exampleFromDoc() throws IOException {
        String doc = Files.readString(docs.resolve("portfolio-format.md"));
        int marker = doc.indexOf(EXAMPLE_MARKER);
        assertThat(marker).as("example marker in portfolio-format.md").isNotNegative();
        int start = doc.indexOf("```json", marker) + "```json".length();
        int end = doc.indexOf("```", start);
        return doc.substring(start, end);
    }

    /** Maven runs tests in the module directory; the docs are at the repository root. */
    private static Path findDocs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs");
            if (Files.isRegularFile(candidate.resolve("portfolio.schema.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/portfolio.schema.json not found above " + Path.of("").toAbsolutePath());
    }
}
