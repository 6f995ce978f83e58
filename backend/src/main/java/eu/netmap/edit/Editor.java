package eu.netmap.edit;

import eu.netmap.edit.ChangeInputs.DeleteInput;
import eu.netmap.edit.ChangeInputs.MergeInput;
import eu.netmap.edit.ChangeInputs.NodeInput;
import eu.netmap.edit.ChangeInputs.RelationshipInput;
import eu.netmap.edit.ChangeInputs.RevertInput;
import eu.netmap.graph.DataVersion;
import eu.netmap.importer.BatchValidator;
import eu.netmap.importer.Fields;
import eu.netmap.importer.GraphBatch;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.NodeRecord;
import eu.netmap.importer.Origin;
import eu.netmap.importer.RelationshipRecord;
import eu.netmap.importer.Slugs;
import eu.netmap.system.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Service;

/**
 * Makes the changes of the editing API. Each change runs in one write transaction that locks the
 * nodes involved, reads them, checks the version the client saw, validates the result against the
 * graph model with the importer's {@link BatchValidator}, writes it and records it in the {@link
 * AuditLog}; after the commit the {@link DataVersion} is bumped so analytics recompute.
 *
 * <p>Versions: every node and relationship has a {@code version} property (missing means 0) that
 * each change of it increments; a node or relationship created through netmap starts at 1. A change
 * naming another version than the stored one is refused (409) with the current value.
 */
@Service
class Editor {

  /** Fields of a node set through the body, never through {@code properties}. */
  private static final Set<String> NODE_FIELDS = Set.of("id", "label", "name", "nameEn");

  /** Properties that keep their stored values when a node's {@code properties} are replaced. */
  private static final Set<String> NODE_KEPT = Set.of("name", "nameEn", "sources", "version");

  /** Properties that keep their stored values when a relationship's properties are replaced. */
  private static final Set<String> REL_KEPT = Set.of("sources", "version");

  /**
   * Properties whose values are names: on a merge, the other node's differing ones become aliases.
   */
  private static final List<String> NAME_KEYS = List.of("name", "nameEn", "title", "titleEn");

  /** What a new Source given inline in {@code sources} may say. */
  private static final Set<String> SOURCE_KEYS =
      Set.of("title", "titleEn", "date", "url", "publisher", "language");

  private static final Origin NODE = new Origin("node", 0);
  private static final Origin RELATIONSHIP = new Origin("relationship", 0);
  private static final int MAX_ATTEMPTS = 3;

  private final Driver driver;
  private final DataVersion dataVersion;
  private final AuditLog audit;

  Editor(Driver driver, DataVersion dataVersion, AuditLog audit) {
    this.driver = driver;
    this.dataVersion = dataVersion;
    this.audit = audit;
  }

  // ------------------------------------------------------------------------------------ nodes

  NodeView createNode(NodeInput in, String user) {
    return write(
        store -> {
          List<FieldProblem> problems = new ArrayList<>();
          String label = label(in.label(), problems);
          boolean isSource = GraphModel.SOURCE.equals(label);
          if (!isSource) {
            requireSources(in.sources(), problems);
          }
          Map<String, Object> props =
              present(PropertyInput.convert(in.properties(), NODE_FIELDS, problems));
          Set<String> taken = new HashSet<>();
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, in.sources(), problems, batch, taken);
          String name = blankToNull(in.name());
          String nameEn = blankToNull(in.nameEn());
          if (isSource) {
            // a Source is named by its title
            if (name != null) {
              props.putIfAbsent("title", name);
            }
            if (nameEn != null) {
              props.putIfAbsent("titleEn", nameEn);
            }
          } else {
            if (name != null) {
              props.put("name", name);
            }
            if (nameEn != null) {
              props.put("nameEn", nameEn);
            }
          }
          Object naming = isSource ? props.get("title") : name;
          String base =
              naming == null || naming.toString().isBlank()
                  ? "node"
                  : Slugs.idOf(naming.toString());
          String id = uniqueId(store, isSource ? "src-" + base : base, taken);
          if (!cited.ids().isEmpty()) {
            props.put("sources", cited.ids());
          }
          props.put("version", 1L);
          batch.add(new NodeRecord(id, label, props, NODE));
          validate(store, batch, !isSource, problems);

          NodeState node = new NodeState(id, label, props);
          Side before = new Side();
          Side after = new Side().add(node);
          record(store, user, "create-node", "Created " + describe(node), before, after, cited);
          return node.view();
        });
  }

  NodeView updateNode(String id, NodeInput in, String user) {
    return write(
        store -> {
          List<FieldProblem> problems = new ArrayList<>();
          requireVersion(in.version(), "version", problems);
          store.lock(List.of(id));
          NodeState current = store.node(id).orElseThrow(() -> unknownNode(id));
          checkVersion(current, in.version());
          boolean isSource = GraphModel.SOURCE.equals(current.label());
          if (!isSource) {
            requireSources(in.sources(), problems);
          }
          if (in.label() != null && !current.label().equals(canonicalLabel(in.label()))) {
            problems.add(
                new FieldProblem(
                    "label",
                    "the label cannot be changed ('"
                        + id
                        + "' is a "
                        + current.label()
                        + "): create a new node and merge or delete this one"));
          }
          Map<String, Object> props = new TreeMap<>(current.properties());
          if (in.properties() != null) {
            Map<String, Object> given =
                present(PropertyInput.convert(in.properties(), NODE_FIELDS, problems));
            props.keySet().retainAll(NODE_KEPT);
            props.putAll(given);
          }
          if (in.name() != null) {
            props.put(isSource ? "title" : "name", in.name().strip());
          }
          if (in.nameEn() != null) {
            String key = isSource ? "titleEn" : "nameEn";
            if (in.nameEn().isBlank()) {
              props.remove(key);
            } else {
              props.put(key, in.nameEn().strip());
            }
          }
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, in.sources(), problems, batch, new HashSet<>());
          List<String> sources = union(current.sources(), cited.ids());
          if (!sources.isEmpty()) {
            props.put("sources", sources);
          }
          props.put("version", current.version() + 1);
          batch.add(new NodeRecord(id, current.label(), props, NODE));
          validate(store, batch, false, problems);

          NodeState node = current.with(props);
          Side before = new Side().add(current);
          Side after = new Side().add(node);
          record(
              store,
              user,
              "update-node",
              "Updated " + describe(node) + changedKeys(current.properties(), props),
              before,
              after,
              cited);
          return node.view();
        });
  }

  void deleteNode(String id, DeleteInput in, String user) {
    DeleteInput body = in == null ? new DeleteInput(null, null) : in;
    write(
        store -> {
          List<FieldProblem> problems = new ArrayList<>();
          requireVersion(body.version(), "version", problems);
          store.lock(List.of(id));
          NodeState current = store.node(id).orElseThrow(() -> unknownNode(id));
          checkVersion(current, body.version());
          boolean isSource = GraphModel.SOURCE.equals(current.label());
          if (!isSource) {
            requireSources(body.sources(), problems);
          } else {
            List<String> citing = store.citing(id);
            if (!citing.isEmpty()) {
              throw new ConflictException(
                  "Source '"
                      + id
                      + "' is still cited by "
                      + String.join(", ", citing)
                      + ": a fact must keep its sources, so cite another source there first",
                  current.view());
            }
          }
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, body.sources(), problems, batch, new HashSet<>());
          validate(store, batch, false, problems);

          List<RelState> rels = store.relationshipsOf(id);
          Side before = new Side().add(current);
          rels.forEach(before::add);
          Side after = new Side();
          record(
              store,
              user,
              "delete-node",
              "Deleted "
                  + describe(current)
                  + (rels.isEmpty() ? "" : " and its " + count(rels.size(), "relationship")),
              before,
              after,
              cited);
          return null;
        });
  }

  /**
   * Merges {@code other} into the node {@code id}: the other's relationships move to the node (a
   * relationship both had becomes one, the node's properties winning, sources combined; one between
   * the two disappears), properties the node lacks are taken from the other, differing names become
   * aliases, sources are combined, and the other node is deleted.
   */
  NodeView merge(String id, MergeInput in, String user) {
    return write(
        store -> {
          List<FieldProblem> problems = new ArrayList<>();
          String otherId = blankToNull(in.other());
          if (otherId == null) {
            throw new InvalidChangeException("other", "required: the id of the node to merge in");
          }
          if (otherId.equals(id)) {
            throw new InvalidChangeException("other", "a node cannot be merged with itself");
          }
          requireVersion(in.version(), "version", problems);
          requireVersion(in.otherVersion(), "otherVersion", problems);
          requireSources(in.sources(), problems);
          store.lock(List.of(id, otherId));
          NodeState target = store.node(id).orElseThrow(() -> unknownNode(id));
          NodeState other = store.node(otherId).orElseThrow(() -> unknownNode(otherId));
          checkVersion(target, in.version());
          checkVersion(other, in.otherVersion());
          if (!target.label().equals(other.label())) {
            problems.add(
                new FieldProblem(
                    "other",
                    "'"
                        + otherId
                        + "' is a "
                        + other.label()
                        + " and '"
                        + id
                        + "' a "
                        + target.label()
                        + ": only nodes of the same label can be merged"));
          } else if (GraphModel.SOURCE.equals(target.label())) {
            problems.add(
                new FieldProblem("other", "Source nodes are not merged: facts cite them by id"));
          }
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, in.sources(), problems, batch, new HashSet<>());
          validate(store, batch, false, problems);

          Map<String, Object> props = mergedProperties(target, other);
          props.put("sources", union(union(target.sources(), other.sources()), cited.ids()));
          props.put("version", target.version() + 1);
          NodeState merged = target.with(props);

          Side before = new Side().add(target).add(other);
          Side after = new Side().add(merged);
          Map<String, RelState> targetRels = new LinkedHashMap<>();
          store.relationshipsOf(id).forEach(r -> targetRels.put(r.key(), r));
          int moved = 0;
          int dropped = 0;
          for (RelState rel : store.relationshipsOf(otherId)) {
            before.add(rel);
            String source = rel.source().equals(otherId) ? id : rel.source();
            String targetEnd = rel.target().equals(otherId) ? id : rel.target();
            if (source.equals(targetEnd)) {
              dropped++;
              continue;
            }
            String key = RelState.key(source, rel.type(), targetEnd);
            RelState existing = targetRels.get(key);
            if (existing != null) {
              before.add(existing);
              after.add(existing.with(combined(existing, rel)));
            } else {
              Map<String, Object> relProps = new TreeMap<>(rel.properties());
              relProps.put("version", rel.version() + 1);
              after.add(new RelState(source, rel.type(), targetEnd, relProps));
            }
            moved++;
          }
          record(
              store,
              user,
              "merge-nodes",
              "Merged "
                  + describe(other)
                  + " into "
                  + describe(merged)
                  + ": "
                  + count(moved, "relationship")
                  + " moved"
                  + (dropped > 0 ? ", " + dropped + " between the two removed" : ""),
              before,
              after,
              cited);
          return merged.view();
        });
  }

  // ---------------------------------------------------------------------------- relationships

  LinkView createRelationship(RelationshipInput in, String user) {
    return write(
        store -> {
          List<FieldProblem> problems = new ArrayList<>();
          String source = blankToNull(in.source());
          String target = blankToNull(in.target());
          String type = in.type() == null ? null : Fields.relationshipType(in.type());
          if (source == null) {
            problems.add(new FieldProblem("source", "required: the id of the start node"));
          }
          if (target == null) {
            problems.add(new FieldProblem("target", "required: the id of the end node"));
          }
          if (type == null || type.isBlank()) {
            problems.add(
                new FieldProblem(
                    "type",
                    "required; one of " + new TreeSet<>(GraphModel.RELATIONSHIPS.keySet())));
          }
          if (source != null && source.equals(target)) {
            problems.add(new FieldProblem("target", "a relationship cannot join a node to itself"));
          }
          requireSources(in.sources(), problems);
          if (!problems.isEmpty()) {
            throw new InvalidChangeException(problems);
          }
          store.lock(List.of(source, target));
          Map<String, Object> props =
              present(PropertyInput.convert(in.properties(), Set.of(), problems));
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, in.sources(), problems, batch, new HashSet<>());
          props.put("sources", cited.ids());
          props.put("version", 1L);
          batch.add(new RelationshipRecord(source, type, target, props, RELATIONSHIP));
          validate(store, batch, true, problems);
          List<RelState> existing = store.relationships(source, type, target);
          if (!existing.isEmpty()) {
            throw new ConflictException(
                "The relationship "
                    + RelState.key(source, type, target)
                    + " exists already: change it with PUT /api/relationships/"
                    + source
                    + "/"
                    + type
                    + "/"
                    + target,
                existing.get(0).view());
          }
          RelState rel = new RelState(source, type, target, props);
          Side before = new Side();
          Side after = new Side().add(rel);
          record(
              store, user, "create-relationship", "Added " + describe(rel), before, after, cited);
          return rel.view();
        });
  }

  LinkView updateRelationship(
      String source, String type, String target, RelationshipInput in, String user) {
    return write(
        store -> {
          List<FieldProblem> problems = new ArrayList<>();
          requireVersion(in.version(), "version", problems);
          requireSources(in.sources(), problems);
          String canonical = Fields.relationshipType(type);
          for (String[] fixed :
              List.of(
                  new String[] {"source", in.source(), source},
                  new String[] {"target", in.target(), target})) {
            if (fixed[1] != null && !fixed[1].equals(fixed[2])) {
              problems.add(
                  new FieldProblem(
                      fixed[0],
                      "the ends and type of a relationship cannot be changed: delete it and"
                          + " create a new one"));
            }
          }
          if (in.type() != null && !Fields.relationshipType(in.type()).equals(canonical)) {
            problems.add(
                new FieldProblem(
                    "type",
                    "the ends and type of a relationship cannot be changed: delete it and create"
                        + " a new one"));
          }
          store.lock(List.of(source, target));
          RelState current = relationship(store, source, canonical, target);
          checkVersion(current, in.version());
          Map<String, Object> props = new TreeMap<>(current.properties());
          if (in.properties() != null) {
            Map<String, Object> given =
                present(PropertyInput.convert(in.properties(), Set.of(), problems));
            props.keySet().retainAll(REL_KEPT);
            props.putAll(given);
          }
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, in.sources(), problems, batch, new HashSet<>());
          props.put("sources", union(current.sources(), cited.ids()));
          props.put("version", current.version() + 1);
          batch.add(new RelationshipRecord(source, canonical, target, props, RELATIONSHIP));
          validate(store, batch, true, problems);

          RelState rel = current.with(props);
          Side before = new Side().add(current);
          Side after = new Side().add(rel);
          record(
              store,
              user,
              "update-relationship",
              "Updated " + describe(rel) + changedKeys(current.properties(), props),
              before,
              after,
              cited);
          return rel.view();
        });
  }

  void deleteRelationship(String source, String type, String target, DeleteInput in, String user) {
    DeleteInput body = in == null ? new DeleteInput(null, null) : in;
    write(
        store -> {
          List<FieldProblem> problems = new ArrayList<>();
          requireVersion(body.version(), "version", problems);
          requireSources(body.sources(), problems);
          store.lock(List.of(source, target));
          RelState current = relationship(store, source, Fields.relationshipType(type), target);
          checkVersion(current, body.version());
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, body.sources(), problems, batch, new HashSet<>());
          validate(store, batch, false, problems);

          Side before = new Side().add(current);
          Side after = new Side();
          record(
              store,
              user,
              "delete-relationship",
              "Removed " + describe(current),
              before,
              after,
              cited);
          return null;
        });
  }

  /**
   * Applies a change (with the sources it cited and created) and writes its audit entry, in the
   * transaction of {@code store}.
   */
  private void record(
      GraphStore store,
      String user,
      String action,
      String summary,
      Side before,
      Side after,
      Cited cited) {
    cited.created().forEach(after::add);
    store.apply(before, after);
    audit.record(store, user, action, summary, before, after, cited.ids(), null);
  }

  // ----------------------------------------------------------------------------------- revert

  /**
   * Applies the inverse of a logged change as a new change: every node and relationship it touched
   * goes back to its state before, with a new version. Refused (409) when any of them changed
   * since, when a node to remove has gained relationships or citations since, or when a
   * relationship to restore has lost one of its ends.
   */
  AuditEntryView revert(String entryId, RevertInput in, String user) {
    RevertInput body = in == null ? new RevertInput(null) : in;
    return write(
        store -> {
          AuditEntryView entry =
              audit
                  .find(store, entryId)
                  .orElseThrow(
                      () -> new NotFoundException("No audit entry with id '" + entryId + "'"));
          Side wanted = Side.fromJson(entry.before());
          Side logged = Side.fromJson(entry.after());
          Set<String> ids = new TreeSet<>(entry.nodes());
          ids.addAll(wanted.nodes.keySet());
          ids.addAll(logged.nodes.keySet());
          store.lock(ids);

          Side current = new Side();
          Set<String> nodeIds = new LinkedHashSet<>(wanted.nodes.keySet());
          nodeIds.addAll(logged.nodes.keySet());
          for (String id : nodeIds) {
            Optional<NodeState> now = store.node(id);
            NodeState then = logged.nodes.get(id);
            if (!same(now, then)) {
              throw new ConflictException(
                  "Cannot revert: "
                      + changedSince("node '" + id + "'", now.isPresent(), then != null)
                      + " since this change; revert the later changes first or edit it by hand",
                  now.map(NodeState::view).orElse(null));
            }
            now.ifPresent(current::add);
          }
          Map<String, RelState> rels = new LinkedHashMap<>(wanted.relationships);
          rels.putAll(logged.relationships);
          for (RelState rel : rels.values()) {
            List<RelState> found = store.relationships(rel.source(), rel.type(), rel.target());
            if (found.size() > 1) {
              throw new ConflictException(
                  "Cannot revert: there are " + found.size() + " relationships " + rel.key());
            }
            Optional<RelState> now = found.stream().findFirst();
            RelState then = logged.relationships.get(rel.key());
            if (!sameRel(now, then)) {
              throw new ConflictException(
                  "Cannot revert: "
                      + changedSince("relationship " + rel.key(), now.isPresent(), then != null)
                      + " since this change; revert the later changes first or edit it by hand",
                  now.map(RelState::view).orElse(null));
            }
            now.ifPresent(current::add);
          }
          for (NodeState node : current.nodes.values()) {
            if (wanted.nodes.containsKey(node.id())) {
              continue;
            }
            for (RelState rel : store.relationshipsOf(node.id())) {
              if (!current.relationships.containsKey(rel.key())) {
                throw new ConflictException(
                    "Cannot revert: node '"
                        + node.id()
                        + "' has gained the relationship "
                        + rel.key()
                        + " since this change; remove it first",
                    node.view());
              }
            }
            if (GraphModel.SOURCE.equals(node.label())) {
              List<String> citing = store.citing(node.id());
              citing.removeAll(current.nodes.keySet());
              citing.removeAll(current.relationships.keySet());
              if (!citing.isEmpty()) {
                throw new ConflictException(
                    "Cannot revert: Source '"
                        + node.id()
                        + "' is cited since this change by "
                        + String.join(", ", citing),
                    node.view());
              }
            }
          }

          List<FieldProblem> problems = new ArrayList<>();
          GraphBatch batch = new GraphBatch();
          Cited cited = cite(store, body.sources(), problems, batch, new HashSet<>());
          validate(store, batch, false, problems);
          Side target = new Side();
          for (NodeState node : wanted.nodes.values()) {
            NodeState now = current.nodes.get(node.id());
            target.add(node.with(withVersion(node.properties(), now, node.version())));
          }
          for (RelState rel : wanted.relationships.values()) {
            RelState now = current.relationships.get(rel.key());
            Map<String, Object> props = new TreeMap<>(rel.properties());
            props.put("version", (now != null ? now.version() : rel.version()) + 1);
            target.add(rel.with(props));
          }
          cited.created().forEach(target::add);
          store.apply(current, target);
          return audit.record(
              store,
              user,
              "revert",
              "Reverted the change of "
                  + entry.at()
                  + " by "
                  + entry.user()
                  + ": "
                  + entry.summary(),
              current,
              target,
              cited.ids(),
              entry.id());
        });
  }

  // ---------------------------------------------------------------------------------- helpers

  /**
   * Runs a change in one write transaction (retried by the driver on transient errors such as a
   * deadlock, and here once more when two changes took the same new id), then bumps the data
   * version.
   */
  private <T> T write(Function<GraphStore, T> change) {
    for (int attempt = 1; ; attempt++) {
      try (Session session = driver.session()) {
        T result = session.executeWrite(tx -> change.apply(new GraphStore(tx)));
        dataVersion.bump();
        return result;
      } catch (ClientException e) {
        if (attempt >= MAX_ATTEMPTS
            || !"Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
          throw e;
        }
      }
    }
  }

  /** The sources a change cites: existing Source ids, and new Source nodes made from objects. */
  private record Cited(List<String> ids, List<NodeState> created) {}

  private Cited cite(
      GraphStore store,
      List<Object> raw,
      List<FieldProblem> problems,
      GraphBatch batch,
      Set<String> taken) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> existing = new ArrayList<>();
    List<NodeState> created = new ArrayList<>();
    List<Object> items = raw == null ? List.of() : raw;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String field = "sources[" + i + "]";
      if (item instanceof String text && !text.isBlank()) {
        existing.add(text.strip());
        ids.add(text.strip());
      } else if (item instanceof Map<?, ?> map) {
        Map<String, Object> props = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          Object value = entry.getValue();
          if (!SOURCE_KEYS.contains(key)) {
            problems.add(
                new FieldProblem(
                    field + "." + key, "not a field of a new source; use " + SOURCE_KEYS));
          } else if (value != null && !(value instanceof String) && !"date".equals(key)) {
            problems.add(new FieldProblem(field + "." + key, "text is expected"));
          } else if (value != null && !value.toString().isBlank()) {
            Object stored = PropertyInput.value(key, value, field + "." + key, problems);
            if (stored != null) {
              props.put(key, stored);
            }
          }
        }
        if (props.get("url") instanceof String url && !isWebAddress(url)) {
          problems.add(new FieldProblem(field + ".url", "'" + url + "' is not an http(s) address"));
        }
        Object title = props.get("title");
        String id =
            uniqueId(store, "src-" + (title == null ? "new" : Slugs.idOf(title.toString())), taken);
        props.put("version", 1L);
        batch.add(new NodeRecord(id, GraphModel.SOURCE, props, new Origin(field, 0)));
        created.add(new NodeState(id, GraphModel.SOURCE, props));
        ids.add(id);
      } else {
        problems.add(
            new FieldProblem(
                field, "expected the id of a Source node, or {title, date, url} for a new one"));
      }
    }
    if (!existing.isEmpty()) {
      Map<String, String> labels = store.labels(new HashSet<>(existing));
      for (String id : existing) {
        String label = labels.get(id);
        if (!GraphModel.SOURCE.equals(label)) {
          problems.add(
              new FieldProblem(
                  "sources",
                  "unknown source '"
                      + id
                      + "'"
                      + (label == null ? "" : " ('" + id + "' is a " + label + ", not a Source)")));
        }
      }
    }
    return new Cited(List.copyOf(ids), created);
  }

  private static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * Checks the batch with the importer's validator (labels, names, relationship types between
   * labels, roles, sources), and throws every problem found, ours and its, as one 400.
   */
  private static void validate(
      GraphStore store, GraphBatch batch, boolean requireSources, List<FieldProblem> problems) {
    Set<String> reported = new HashSet<>();
    problems.forEach(p -> reported.add(p.field()));
    try {
      new BatchValidator().validate(batch, store::labels, requireSources);
    } catch (ImportException e) {
      for (ImportProblem problem : e.problems()) {
        String field = field(problem);
        if (!reported.contains(field)) {
          problems.add(new FieldProblem(field, problem.message()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidChangeException(problems);
    }
  }

  /** The API's name for the field of a validator problem. */
  private static String field(ImportProblem problem) {
    String where = problem.origin() == null ? "" : problem.origin().file();
    String field = problem.field() == null ? "" : problem.field();
    if (where.startsWith("sources[")) {
      return field.isEmpty() ? where : where + "." + field;
    }
    return switch (field) {
      case "from" -> "source";
      case "to" -> "target";
      case "role" -> "properties.role";
      case "id", "title" -> "name";
      case "" -> where;
      default -> field;
    };
  }

  private static String label(String raw, List<FieldProblem> problems) {
    if (raw == null || raw.isBlank()) {
      problems.add(new FieldProblem("label", "required; one of " + GraphModel.LABELS));
      return "";
    }
    return canonicalLabel(raw);
  }

  private static String canonicalLabel(String raw) {
    String label = Fields.label(raw);
    return label != null ? label : raw.strip();
  }

  private static void requireSources(List<Object> sources, List<FieldProblem> problems) {
    if (sources == null || sources.isEmpty()) {
      problems.add(
          new FieldProblem(
              "sources",
              "every change must name its sources: ids of Source nodes, or {title, date, url}"
                  + " for a new one"));
    }
  }

  private static void requireVersion(Long version, String field, List<FieldProblem> problems) {
    if (version == null) {
      problems.add(
          new FieldProblem(
              field, "required: the version the change was made on (0 for a never-edited one)"));
    }
  }

  private static void checkVersion(NodeState current, long version) {
    if (current.version() != version) {
      throw new ConflictException(
          "Node '"
              + current.id()
              + "' is at version "
              + current.version()
              + " but the change was made on version "
              + version
              + ": someone changed it meanwhile; apply your change to the current value",
          current.view());
    }
  }

  private static void checkVersion(NodeState current, Long version) {
    if (version != null) {
      checkVersion(current, version.longValue());
    }
  }

  private static void checkVersion(RelState current, Long version) {
    if (version != null && current.version() != version) {
      throw new ConflictException(
          "Relationship "
              + current.key()
              + " is at version "
              + current.version()
              + " but the change was made on version "
              + version
              + ": someone changed it meanwhile; apply your change to the current value",
          current.view());
    }
  }

  private static RelState relationship(
      GraphStore store, String source, String type, String target) {
    if (!GraphModel.RELATIONSHIPS.containsKey(type)) {
      throw unknownRelationship(source, type, target);
    }
    List<RelState> found = store.relationships(source, type, target);
    if (found.isEmpty()) {
      throw unknownRelationship(source, type, target);
    }
    if (found.size() > 1) {
      throw new ConflictException(
          "There are "
              + found.size()
              + " relationships "
              + RelState.key(source, type, target)
              + " (written outside netmap); keep one with Cypher first",
          found.get(0).view());
    }
    return found.get(0);
  }

  private static NotFoundException unknownNode(String id) {
    return new NotFoundException("No node with id '" + id + "'");
  }

  private static NotFoundException unknownRelationship(String source, String type, String target) {
    return new NotFoundException(
        "No relationship " + type + " from '" + source + "' to '" + target + "'");
  }

  /** An id not taken in the database nor by this change: the base, else base-2, base-3 … */
  private static String uniqueId(GraphStore store, String base, Set<String> taken) {
    String stem = base.length() > 120 ? base.substring(0, 120).replaceAll("-+$", "") : base;
    String id = stem;
    for (int n = 2; taken.contains(id) || store.exists(id); n++) {
      id = stem + "-" + n;
    }
    taken.add(id);
    return id;
  }

  private static Map<String, Object> mergedProperties(NodeState target, NodeState other) {
    Map<String, Object> props = new TreeMap<>(target.properties());
    List<String> aliases = new ArrayList<>(NodeState.strings(props.get("aliases")));
    Set<String> known = new HashSet<>();
    for (String key : NAME_KEYS) {
      if (props.get(key) != null) {
        known.add(Slugs.fold(props.get(key).toString()));
      }
    }
    aliases.forEach(a -> known.add(Slugs.fold(a)));
    List<String> candidates = new ArrayList<>();
    for (Map.Entry<String, Object> entry : other.properties().entrySet()) {
      String key = entry.getKey();
      if (key.equals("version") || key.equals("sources") || key.equals("aliases")) {
        continue;
      }
      if (!props.containsKey(key)) {
        props.put(key, entry.getValue());
        if (NAME_KEYS.contains(key)) {
          known.add(Slugs.fold(entry.getValue().toString()));
        }
      } else if (NAME_KEYS.contains(key) && !Objects.equals(props.get(key), entry.getValue())) {
        candidates.add(entry.getValue().toString());
      }
    }
    candidates.addAll(NodeState.strings(other.properties().get("aliases")));
    for (String candidate : candidates) {
      if (known.add(Slugs.fold(candidate))) {
        aliases.add(candidate);
      }
    }
    if (!aliases.isEmpty()) {
      props.put("aliases", aliases);
    }
    return props;
  }

  /** A relationship both merged nodes had: the kept one's properties win, sources combined. */
  private static Map<String, Object> combined(RelState kept, RelState other) {
    Map<String, Object> props = new TreeMap<>(kept.properties());
    other.properties().forEach(props::putIfAbsent);
    props.put("sources", union(kept.sources(), other.sources()));
    props.put("version", kept.version() + 1);
    return props;
  }

  private static Map<String, Object> withVersion(
      Map<String, Object> properties, NodeState now, long logged) {
    Map<String, Object> props = new TreeMap<>(properties);
    props.put("version", (now != null ? now.version() : logged) + 1);
    return props;
  }

  private static boolean same(Optional<NodeState> now, NodeState then) {
    if (now.isEmpty() || then == null) {
      return now.isEmpty() && then == null;
    }
    return now.get().label().equals(then.label())
        && AuditLog.normalised(now.get().properties())
            .equals(AuditLog.normalised(then.properties()));
  }

  private static boolean sameRel(Optional<RelState> now, RelState then) {
    if (now.isEmpty() || then == null) {
      return now.isEmpty() && then == null;
    }
    return AuditLog.normalised(now.get().properties())
        .equals(AuditLog.normalised(then.properties()));
  }

  private static String changedSince(String what, boolean existsNow, boolean existedThen) {
    if (existsNow && !existedThen) {
      return what + " exists again";
    }
    if (!existsNow && existedThen) {
      return what + " has been deleted";
    }
    return what + " has changed";
  }

  private static Map<String, Object> present(Map<String, Object> properties) {
    Map<String, Object> out = new TreeMap<>();
    properties.forEach(
        (key, value) -> {
          if (value != null) {
            out.put(key, value);
          }
        });
    return out;
  }

  private static List<String> union(Collection<String> a, Collection<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String describe(NodeState node) {
    return node.label() + " '" + node.name() + "' (" + node.id() + ")";
  }

  private static String describe(RelState rel) {
    String role = rel.properties().get("role") instanceof String r ? " as " + r : "";
    return rel.source() + " " + rel.type() + " " + rel.target() + role;
  }

  private static String changedKeys(Map<String, Object> before, Map<String, Object> after) {
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    keys.remove("version");
    Map<String, Object> was = AuditLog.normalised(before);
    Map<String, Object> is = AuditLog.normalised(after);
    List<String> changed = new ArrayList<>();
    for (String key : keys) {
      if (!Objects.equals(was.get(key), is.get(key))) {
        changed.add(key);
      }
    }
    return changed.isEmpty() ? "" : ": " + String.join(", ", changed);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
