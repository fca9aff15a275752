package io.keygate.cli.declare;

import io.keygate.cli.declare.Step.Action;
import io.keygate.cli.declare.Step.Call;
import io.keygate.cli.declare.Step.Change;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan being computed: steps in the order they are added, deletions apart (emitted after every other step,
 * agents first and scopes last), the objects kept, the ids of existing objects by natural key.
 */
final class PlanBuilder {
  private static final List<Ref.Type> DELETE_ORDER = List.of(Ref.Type.AGENT, Ref.Type.USER,
      Ref.Type.SERVICE_ACCOUNT, Ref.Type.ROLE, Ref.Type.SCOPE);

  final boolean prune;
  private final List<Step> steps = new ArrayList<>();
  private final Map<Ref.Type, List<Step>> deletes = new EnumMap<>(Ref.Type.class);
  private final List<Ref> kept = new ArrayList<>();
  private final Map<Ref, String> ids = new HashMap<>();
  private final Map<String, Ref> refsById = new HashMap<>();
  private final Set<Ref> created = new HashSet<>();
  private final Set<String> deleted = new HashSet<>();

  PlanBuilder(boolean prune) {
    this.prune = prune;
  }

  /** An existing object, known by its natural key (to refer to it) and by its id (to print it). */
  void exists(Ref ref, String id) {
    ids.put(ref, id);
    refsById.put(id, ref);
  }

  /** Whether {@code ref} names an existing object or one this plan creates. */
  boolean known(Ref ref) {
    return ref.isNone() || ids.containsKey(ref) || created.contains(ref);
  }

  /** Whether this plan deletes the existing object {@code ref} names. */
  boolean deletes(Ref ref) {
    String id = ids.get(ref);
    return id != null && deleted.contains(id);
  }

  /** The existing object's id; empty for one this plan creates, and for none. */
  String id(Ref ref) {
    return ids.getOrDefault(ref, "");
  }

  /** How an id of an existing role or scope prints: its natural key; {@code (none)} for no id. */
  String show(Ref.Type type, String id) {
    if (id.isEmpty()) {
      return Ref.none(type).name();
    }
    Ref ref = refsById.get(id);
    return ref == null ? id : ref.name();
  }

  void create(Ref target, List<Change> changes, Call call) {
    created.add(target);
    steps.add(new Step(Action.CREATE, target, changes, call));
  }

  void update(Ref target, List<Change> changes, Call call) {
    if (!changes.isEmpty()) {
      steps.add(new Step(Action.UPDATE, target, changes, call));
    }
  }

  /** An object not in the file: deleted with --prune (after every other step), else kept and reported. */
  void notInFile(Ref target, String id, Call delete) {
    if (prune) {
      deleted.add(id);
      deletes.computeIfAbsent(target.type(), t -> new ArrayList<>())
          .add(new Step(Action.DELETE, target, List.of(), delete));
    } else {
      kept.add(target);
    }
  }

  Plan build(String tenant) {
    List<Step> all = new ArrayList<>(steps);
    DELETE_ORDER.forEach(type -> all.addAll(deletes.getOrDefault(type, List.of())));
    return new Plan(tenant, all, kept, ids);
  }
}
