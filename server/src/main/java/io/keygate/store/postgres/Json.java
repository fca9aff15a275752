package io.keygate.store.postgres;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.Map;
import java.util.TreeMap;

/** String maps to and from the JSON of {@code jsonb} columns, through protobuf's JSON support. */
final class Json {
  private Json() {}

  static String of(Map<String, String> map) {
    Struct.Builder struct = Struct.newBuilder();
    map.forEach((k, v) -> struct.putFields(k, Value.newBuilder().setStringValue(v).build()));
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(struct);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a string map is always printable", e);
    }
  }

  static Map<String, String> toMap(String json) {
    Struct.Builder struct = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(json == null ? "{}" : json, struct);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored JSON is not an object of strings", e);
    }
    Map<String, String> out = new TreeMap<>();
    struct.getFieldsMap().forEach((k, v) -> out.put(k, v.getStringValue()));
    return out;
  }
}
