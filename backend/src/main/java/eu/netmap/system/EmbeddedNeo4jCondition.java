package eu.netmap.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no external Neo4j server is configured ({@code spring.neo4j.uri} unset or blank).
 */
class EmbeddedNeo4jCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
    return uri == null || uri.isBlank();
  }
}
