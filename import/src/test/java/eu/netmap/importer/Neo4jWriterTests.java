package eu.netmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Neo4jWriterTests {

  private static final TestNeo4j neo4j = new TestNeo4j();

  @AfterAll
  static void stop() {
    neo4j.close();
  }

  @BeforeEach
  void empty() {
    neo4j.clear();
  }

  private static GraphBatch batch() {
    Origin here = new Origin("test", 1);
    GraphBatch batch = new GraphBatch();
    batch.add(new NodeRecord("doc", "Source", Map.of("title", "A document"), here));
    batch.add(
        new NodeRecord(
            "net", "Network", Map.of("name", "A network", "sources", List.of("doc")), here));
    batch.add(
        new NodeRecord(
            "reg", "Region", Map.of("name", "A region", "sources", List.of("doc")), here));
    batch.add(
        new RelationshipRecord(
            "reg",
            "MEMBER_OF",
            "net",
            Map.of("role", "secretariat", "sources", List.of("doc")),
            here));
    return batch;
  }

  @Test
  void shouldCreateThenChangeNothingWhenWrittenTwice() {
    Neo4jWriter writer = new Neo4jWriter(neo4j.driver(), 2);

    WriteSummary first = writer.validateAndWrite(batch(), true);
    WriteSummary second = writer.validateAndWrite(batch(), true);

    assertThat(first.nodesCreated()).isEqualTo(3);
    assertThat(first.relationshipsCreated()).isEqualTo(1);
    assertThat(second.unchanged()).isTrue();
    assertThat(second.nodesUnchanged()).isEqualTo(3);
    assertThat(second.relationshipsUnchanged()).isEqualTo(1);
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isEqualTo(3);
    assertThat(
            neo4j.count(
                "MATCH (:Region {id:'reg'})-[r:MEMBER_OF {role:'secretariat'}]->(:Network {id:'net'})"
                    + " RETURN count(r)"))
        .isEqualTo(1);
  }

  @Test
  void shouldCountAChangedPropertyAsAnUpdate() {
    Neo4jWriter writer = new Neo4jWriter(neo4j.driver());
    writer.validateAndWrite(batch(), true);
    GraphBatch changed = new GraphBatch();
    changed.add(
        new NodeRecord(
            "net",
            "Network",
            Map.of("name", "A renamed network", "sources", List.of("doc")),
            new Origin("test", 2)));

    WriteSummary summary = writer.validateAndWrite(changed, true);

    assertThat(summary.nodesUpdated()).isEqualTo(1);
    assertThat(summary.nodesCreated()).isZero();
  }

  @Test
  void shouldWriteNothingWhenTheBatchIsInvalid() {
    GraphBatch bad = batch();
    bad.add(
        new RelationshipRecord(
            "reg", "MEMBER_OF", "nowhere", Map.of("sources", List.of("doc")), new Origin("f", 9)));

    assertThatThrownBy(() -> new Neo4jWriter(neo4j.driver()).validateAndWrite(bad, true))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("f:9: to: unknown node 'nowhere'");
    assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isZero();
  }

  @Test
  void shouldRollBackEverythingWhenTheDatabaseRefusesPartOfTheBatch() {
    try (var session = neo4j.driver().session()) {
      session.run("CREATE CONSTRAINT IF NOT EXISTS FOR (n:Region) REQUIRE n.nuts IS UNIQUE");
      session.run("CREATE (:Region {id: 'other', name: 'Other', nuts: 'XX1'})").consume();
    }
    GraphBatch clash = batch();
    clash.add(
        new NodeRecord(
            "clash",
            "Region",
            Map.of("name", "Clash", "nuts", "XX1", "sources", List.of("doc")),
            new Origin("test", 5)));
    try {
      assertThatThrownBy(() -> new Neo4jWriter(neo4j.driver(), 1).validateAndWrite(clash, true))
          .hasMessageContaining("already exists");
      assertThat(neo4j.count("MATCH (n) RETURN count(n)")).isEqualTo(1);
    } finally {
      try (var session = neo4j.driver().session()) {
        session.run("DROP CONSTRAINT region_nuts IF EXISTS").consume();
        session
            .run("SHOW CONSTRAINTS YIELD name, properties WHERE properties = ['nuts'] RETURN name")
            .list()
            .forEach(r -> session.run("DROP CONSTRAINT `" + r.get(0).asString() + "`").consume());
      }
    }
  }

  @Test
  void shouldLinkToNodesThatAlreadyExistInTheDatabase() {
    Neo4jWriter writer = new Neo4jWriter(neo4j.driver());
    writer.validateAndWrite(batch(), true);
    GraphBatch more = new GraphBatch();
    Origin here = new Origin("more", 3);
    more.add(
        new NodeRecord(
            "org", "Organisation", Map.of("name", "An org", "sources", List.of("doc")), here));
    more.add(
        new RelationshipRecord(
            "org", "LOCATED_IN", "reg", Map.of("sources", List.of("doc")), here));

    WriteSummary summary = writer.validateAndWrite(more, true);

    assertThat(summary.relationshipsCreated()).isEqualTo(1);
    assertThat(neo4j.count("MATCH (:Organisation)-[r:LOCATED_IN]->(:Region) RETURN count(r)"))
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseARelationshipTheModelDoesNotAllow() {
    GraphBatch bad = batch();
    bad.add(
        new RelationshipRecord(
            "net", "LOCATED_IN", "reg", Map.of("sources", List.of("doc")), new Origin("g", 4)));

    assertThatThrownBy(() -> new Neo4jWriter(neo4j.driver()).validateAndWrite(bad, true))
        .hasMessageContaining("g:4: type: LOCATED_IN cannot go from Network to Region");
  }
}
