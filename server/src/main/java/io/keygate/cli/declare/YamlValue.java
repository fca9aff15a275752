package io.keygate.cli.declare;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of the file with where it is (its line and its path, such as {@code roles[1].permissions}), read
 * strictly: the wrong shape, an unknown or repeated key, a custom tag are errors naming the line and the path.
 * The file is only composed into nodes; SnakeYAML constructs no object from it.
 */
final class YamlValue {
  private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT, Tag.TIMESTAMP,
      Tag.MAP, Tag.SEQ);

  private final Node node;
  private final String path;

  private YamlValue(Node node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The single document in {@code text}. */
  static YamlValue parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(1 << 20);
    Node root;
    try {
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new DeclarationException(mark == null ? 0 : mark.getLine() + 1, "not valid YAML: "
          + (e.getContext() != null ? e.getContext() + ", " + problem : problem));
    } catch (YAMLException e) {
      throw new DeclarationException("not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new DeclarationException("the file is empty");
    }
    return new YamlValue(root, "").checked();
  }

  int line() {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** Where this value is, for messages: {@code roles[1].name}, or {@code the file} at the top. */
  String path() {
    return path.isEmpty() ? "the file" : path;
  }

  DeclarationException error(String message) {
    return new DeclarationException(line(), path() + ": " + message);
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  boolean isNull() {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** The text of a scalar (any scalar: {@code name: 2024} is the text "2024"); null is an error. */
  String text() {
    if (!(node instanceof ScalarNode scalar)) {
      throw error("expected a single value, found " + shape());
    }
    if (isNull()) {
      throw error("a value is required (write \"\" for an empty one)");
    }
    return scalar.getValue();
  }

  boolean bool() {
    String text = text();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw error("'" + text + "' is not true or false");
  }

  /** A whole number from 0 up. */
  long count() {
    String text = text();
    if (!node.getTag().equals(Tag.INT) || !text.matches("\\d{1,18}")) {
      throw error("'" + text + "' is not a whole number from 0 up");
    }
    return Long.parseLong(text);
  }

  List<YamlValue> list() {
    if (!(node instanceof SequenceNode sequence)) {
      throw error("expected a list, found " + shape());
    }
    List<YamlValue> items = new ArrayList<>();
    List<Node> values = sequence.getValue();
    for (int i = 0; i < values.size(); i++) {
      items.add(new YamlValue(values.get(i), path + "[" + i + "]").checked());
    }
    return items;
  }

  /** A list of texts. */
  List<String> texts() {
    return list().stream().map(YamlValue::text).toList();
  }

  /** The keys of a mapping, each one of {@code known} (in the order the file gives them). */
  Fields fields(List<String> known) {
    if (!(node instanceof MappingNode mapping)) {
      throw error("expected keys and values, found " + shape());
    }
    Map<String, YamlValue> values = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        throw new YamlValue(tuple.getKeyNode(), path).error("a key must be a plain name");
      }
      String key = keyNode.getValue();
      String at = path.isEmpty() ? key : path + "." + key;
      YamlValue keyValue = new YamlValue(keyNode, at);
      if (!known.contains(key)) {
        throw new DeclarationException(keyValue.line(), "unknown key '" + key + "' in " + path()
            + " (known: " + String.join(", ", known) + ")");
      }
      if (values.containsKey(key)) {
        throw new DeclarationException(keyValue.line(), "key '" + key + "' appears twice in " + path());
      }
      values.put(key, new YamlValue(tuple.getValueNode(), at).checked());
      keyLines.put(key, keyValue.line());
    }
    return new Fields(this, values, keyLines);
  }

  private String shape() {
    if (node instanceof MappingNode) {
      return "keys and values";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return isNull() ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
  }

  private YamlValue checked() {
    if (!PLAIN_TAGS.contains(node.getTag())) {
      throw error("the tag " + node.getTag() + " is not allowed: write plain values");
    }
    return this;
  }

  /** The keys a mapping has. */
  static final class Fields {
    private final YamlValue owner;
    private final Map<String, YamlValue> values;
    private final Map<String, Integer> keyLines;

    private Fields(YamlValue owner, Map<String, YamlValue> values, Map<String, Integer> keyLines) {
      this.owner = owner;
      this.values = values;
      this.keyLines = keyLines;
    }

    /** The line {@code key} is written on. */
    int keyLine(String key) {
      return keyLines.getOrDefault(key, owner.line());
    }

    Optional<YamlValue> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    YamlValue required(String key) {
      YamlValue value = values.get(key);
      if (value == null) {
        throw owner.error("'" + key + "' is required");
      }
      return value;
    }

    Set<String> keys() {
      return values.keySet();
    }

    int line() {
      return owner.line();
    }

    String path() {
      return owner.path();
    }
  }
}
