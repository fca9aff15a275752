package io.keygate.testing;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses text as exactly one JSON object under RFC 8259's rules (Gson in strict mode: no comments,
 * unquoted names, single quotes or trailing text), failing with the offending text otherwise.
 */
public final class StrictJson {
  private static final Gson GSON = new Gson();

  private StrictJson() {}

  public static JsonObject parseObject(String text) {
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = GSON.getAdapter(JsonElement.class).read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new AssertionError("text after the JSON object: " + text);
      }
      if (!element.isJsonObject()) {
        throw new AssertionError("not a JSON object: " + text);
      }
      return element.getAsJsonObject();
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("not strict JSON (" + e.getMessage() + "): " + text, e);
    }
  }
}
