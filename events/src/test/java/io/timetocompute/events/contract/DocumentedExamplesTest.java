package io.timetocompute.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.timetocompute.events.inbound.EventTranslator;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/** Every kcat example in docs/events.md matches the schema and is accepted against the demo portfolio. */
class DocumentedExamplesTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "echo '(\\{[^']*})'.*?-H ce_source=(\\S+).*?-H ce_type=(\\S+)", Pattern.DOTALL);

    private record Example(String data, String source, String type) {
    }

    private static List<Example> examples() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        List<Example> examples = new ArrayList<>();
        Matcher matcher = EXAMPLE.matcher(doc);
        while (matcher.find()) {
            examples.add(new Example(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return examples;
    }

    @Test
    void everyInboundTypeHasADocumentedExampleThatMatchesTheSchema() throws Exception {
        JsonNode schemas = PortfolioJson.mapper().readTree(Path.of("..", "docs", "events.schema.json").toFile());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        List<Example> examples = examples();
        assertThat(examples).extracting(Example::type).containsAll(EventTypes.SUPPLY)
                .containsAll(EventTypes.LABOR).containsAll(EventTypes.PROGRESS);
        for (Example example : examples) {
            JsonNode definition = schemas.get("$defs").get(example.type());
            assertThat(definition).as("schema of " + example.type()).isNotNull();
            ObjectNode document = ((ObjectNode) definition).deepCopy();
            document.set("$defs", schemas.get("$defs"));
            JsonSchema schema = factory.getSchema(document, SchemaValidatorsConfig.builder().build());
            assertThat(schema.validate(PortfolioJson.mapper().readTree(example.data())))
                    .as(example.type() + " example").isEmpty();
        }
    }

    @Test
    void everyDocumentedExampleIsAcceptedAgainstTheDemoPortfolio() throws Exception {
        Portfolio demo = DemoPortfolioGenerator.generate(1000, 42);
        EventTranslator translator = new EventTranslator();
        for (Example example : examples()) {
            InboundEvent event = new InboundEvent("doc-example", example.type(), example.source(), null,
                    Instant.parse("2030-01-01T00:00:00Z"), example.data().getBytes(StandardCharsets.UTF_8));
            assertThat(translator.translate(event, demo)).as(example.type()).isNotNull();
        }
    }
}
