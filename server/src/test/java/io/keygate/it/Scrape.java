package io.keygate.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a Prometheus endpoint, as text, and the values of its samples. */
final class Scrape {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  final String text;

  private Scrape(String text) {
    this.text = text;
  }

  /** GET http://127.0.0.1:{port}/metrics. */
  static Scrape of(int port) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("/metrics answered " + response.statusCode());
    }
    return new Scrape(response.body());
  }

  /**
   * The sum of the samples named {@code name} whose labels include {@code labels} (name and value
   * pairs); -1 when there is none.
   */
  double value(String name, String... labels) {
    Map<String, String> wanted = new HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      String rest = line.substring(name.length());
      Map<String, String> have = new HashMap<>();
      if (rest.startsWith("{")) {
        int end = rest.lastIndexOf('}');
        Matcher m = LABEL.matcher(rest.substring(1, end));
        while (m.find()) {
          have.put(m.group(1), m.group(2));
        }
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // another metric whose name starts with this one
      }
      if (have.entrySet().containsAll(wanted.entrySet())) {
        sum += Double.parseDouble(rest.strip().split(" ")[0]);
        found = true;
      }
    }
    return found ? sum : -1;
  }
}
