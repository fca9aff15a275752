package io.keygate.cli.manage;

import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What to set on a new token: the flags of {@code tokens create} and of the first token of {@code keys create}. */
public final class TokenSpecOptions {
  @Option(names = "--token-name", paramLabel = "NAME", defaultValue = "", description = "Token name. Default: default.")
  String name;

  @Option(names = "--token-description", paramLabel = "TEXT", defaultValue = "", description = "Token description.")
  String description;

  @Option(names = "--token-tag", paramLabel = "NAME=VALUE", description = "A token tag; repeatable.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--access", paramLabel = "ACCESS", description = "read-only or read-write. Default: read-write.")
  String access;

  @Option(names = "--token-expires", paramLabel = "WHEN",
      description = "Token expiry: never, a lifetime (90d, 12mo) or a time. Default: never (or the tenant's cap).")
  String expires;

  TokenSpec spec(Flags flags) {
    TokenSpec.Builder spec = TokenSpec.newBuilder().setName(name).setDescription(description)
        .putAllTags(flags.tags("--token-tag", tags));
    if (access != null) {
      spec.setAccess(flags.enumValue("--access", access, TokenAccess.values()));
    }
    if (expires != null) {
      spec.setExpiration(flags.expiration("--token-expires", expires));
    }
    return spec.build();
  }
}
