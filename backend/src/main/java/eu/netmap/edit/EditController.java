package eu.netmap.edit;

import eu.netmap.edit.ChangeInputs.DeleteInput;
import eu.netmap.edit.ChangeInputs.MergeInput;
import eu.netmap.edit.ChangeInputs.NodeInput;
import eu.netmap.edit.ChangeInputs.RelationshipInput;
import eu.netmap.importer.Fields;
import eu.netmap.importer.GraphModel;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating, updating, merging and deleting nodes and relationships (editor login). Errors: 400
 * naming the field, 404 for an unknown node or relationship, 409 for a stale version (with the
 * current value) or a clash with what is stored.
 */
@RestController
@RequestMapping("/api")
class EditController {

  private final Editor editor;

  EditController(Editor editor) {
    this.editor = editor;
  }

  /** Creates a node; its id is made from its name. */
  @PostMapping("/nodes")
  ResponseEntity<NodeView> createNode(@RequestBody NodeInput body, Principal user) {
    NodeView node = editor.createNode(body, user.getName());
    return ResponseEntity.created(URI.create("/api/nodes/" + node.id())).body(node);
  }

  /** Changes a node's names and properties and adds sources; {@code version} must be current. */
  @PutMapping("/nodes/{id}")
  NodeView updateNode(@PathVariable String id, @RequestBody NodeInput body, Principal user) {
    return editor.updateNode(id, body, user.getName());
  }

  /** Deletes a node and its relationships; body {@code {version, sources}}. */
  @DeleteMapping("/nodes/{id}")
  ResponseEntity<Void> deleteNode(
      @PathVariable String id, @RequestBody(required = false) DeleteInput body, Principal user) {
    editor.deleteNode(id, body, user.getName());
    return ResponseEntity.noContent().build();
  }

  /** Merges the node {@code other} into this one (two records of the same organisation …). */
  @PostMapping("/nodes/{id}/merge")
  NodeView merge(@PathVariable String id, @RequestBody MergeInput body, Principal user) {
    return editor.merge(id, body, user.getName());
  }

  /** Creates a relationship between two existing nodes. */
  @PostMapping("/relationships")
  ResponseEntity<LinkView> createRelationship(@RequestBody RelationshipInput body, Principal user) {
    LinkView link = editor.createRelationship(body, user.getName());
    return ResponseEntity.created(
            URI.create(
                "/api/relationships/" + link.source() + "/" + link.type() + "/" + link.target()))
        .body(link);
  }

  /** Changes a relationship's properties and adds sources; {@code version} must be current. */
  @PutMapping("/relationships/{source}/{type}/{target}")
  LinkView updateRelationship(
      @PathVariable String source,
      @PathVariable String type,
      @PathVariable String target,
      @RequestBody RelationshipInput body,
      Principal user) {
    return editor.updateRelationship(source, type, target, body, user.getName());
  }

  /** Deletes a relationship; body {@code {version, sources}}. */
  @DeleteMapping("/relationships/{source}/{type}/{target}")
  ResponseEntity<Void> deleteRelationship(
      @PathVariable String source,
      @PathVariable String type,
      @PathVariable String target,
      @RequestBody(required = false) DeleteInput body,
      Principal user) {
    editor.deleteRelationship(source, type, target, body, user.getName());
    return ResponseEntity.noContent().build();
  }

  /**
   * The graph model the editing API checks against, for forms: labels, relationship types with the
   * (from, to) label pairs each allows, roles and the properties read as dates, numbers and lists.
   */
  @GetMapping("/model")
  Model model() {
    Map<String, List<List<String>>> relationships = new TreeMap<>();
    GraphModel.RELATIONSHIPS.forEach(
        (type, pairs) ->
            relationships.put(
                type,
                pairs.stream()
                    .sorted((a, b) -> String.join(">", a).compareTo(String.join(">", b)))
                    .toList()));
    return new Model(
        GraphModel.LABELS,
        relationships,
        new TreeSet<>(GraphModel.ROLES),
        new TreeSet<>(Fields.DATES),
        new TreeSet<>(Fields.INTEGERS),
        new TreeSet<>(Fields.DECIMALS),
        new TreeSet<>(Fields.LISTS));
  }

  /** The graph model as {@code GET /api/model} gives it. */
  record Model(
      List<String> labels,
      Map<String, List<List<String>>> relationships,
      Set<String> roles,
      Set<String> dates,
      Set<String> integers,
      Set<String> decimals,
      Set<String> lists) {}
}
