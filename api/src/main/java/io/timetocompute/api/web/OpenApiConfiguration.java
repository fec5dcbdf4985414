package io.timetocompute.api.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The OpenAPI document's title and version: springdoc's defaults are "OpenAPI definition" and "v0". */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI timeToComputeOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info()
                .title("Time-to-Compute API")
                .version(properties == null ? "development" : properties.getVersion())
                .description("Projected online dates of compute blocks, what drives and what moved them; event "
                        + "ingest, feeds and planning"));
    }
}
