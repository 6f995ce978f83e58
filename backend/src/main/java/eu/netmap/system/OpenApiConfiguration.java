package eu.netmap.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI netmapOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("netmap API")
                .version("0.1")
                .description(
                    "Organisations, regions, networks and projects of European social-inclusion"
                        + " and employment cooperation, as a graph: search and explore, analytics"
                        + " (hubs, brokers, gaps, communities, suggestions), a read-only Cypher"
                        + " console, exports, and editing (editor login) with an audit log and revert."
                        + " Errors are RFC 9457 problem details.")
                .license(new License().name("Data: see each Source node; maps: see credits")));
  }

  /** Documents the problem-detail errors every endpoint can answer with. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      if (api.getComponents() == null) {
        api.components(new io.swagger.v3.oas.models.Components());
      }
      api.getComponents()
          .addSchemas(
              "ProblemDetail",
              new Schema<>()
                  .type("object")
                  .description("RFC 9457 problem details")
                  .addProperty("type", new Schema<>().type("string"))
                  .addProperty("title", new Schema<>().type("string"))
                  .addProperty("status", new Schema<>().type("integer"))
                  .addProperty("detail", new Schema<>().type("string"))
                  .addProperty("instance", new Schema<>().type("string"))
                  .addProperty("parameter", new Schema<>().type("string"))
                  .addProperty(
                      "allowed",
                      new Schema<>().type("array").items(new Schema<>().type("string"))));
      api.getPaths()
          .forEach(
              (path, item) -> {
                for (Operation operation : editOperations(path, item)) {
                  add(operation, "401", "Changing data needs an editor login.");
                  add(
                      operation,
                      "409",
                      "The version sent is not the current one (the answer holds the current"
                          + " value), or what a revert would undo has changed since.");
                }
                for (Operation operation : item.readOperations()) {
                  add(
                      operation,
                      "400",
                      "A parameter or the body is invalid; the detail says which and what is allowed.");
                  if (path.contains("{id}") || path.contains("/analytics/")) {
                    add(operation, "404", "No node with that id.");
                  }
                  if (path.startsWith("/api/cypher")) {
                    add(
                        operation,
                        "403",
                        "The query would write, administer or reach files or the network: refused.");
                    add(
                        operation,
                        "408",
                        "The query ran past netmap.cypher.timeout and was stopped.");
                  }
                }
              });
    };
  }

  /** The changes of the editing API (not their reads). */
  private static java.util.List<Operation> editOperations(
      String path, io.swagger.v3.oas.models.PathItem item) {
    if (!path.startsWith("/api/nodes")
        && !path.startsWith("/api/relationships")
        && !path.startsWith("/api/audit")) {
      return java.util.List.of();
    }
    return java.util.stream.Stream.of(item.getPost(), item.getPut(), item.getDelete())
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private static void add(Operation operation, String status, String description) {
    if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
      return;
    }
    operation
        .getResponses()
        .addApiResponse(
            status,
            new ApiResponse()
                .description(description)
                .content(
                    new Content()
                        .addMediaType(
                            "application/problem+json",
                            new MediaType()
                                .schema(
                                    new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
  }
}
