package io.keygate.cli.manage;

import io.keygate.v1.ApiKey;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CredentialState;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.DeleteApiKeyResponse;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.GetApiKeyResponse;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListApiKeysResponse;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.RevokeApiKeyResponse;
import io.keygate.v1.Tags;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdateApiKeyResponse;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keygate keys}: the key half of ApiKeyService (tokens are {@code keygate tokens}). */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "API keys: named credential containers with owner, scope, role, rate limit and expiry"
        + " (ApiKeyService). Their secrets are tokens: see 'keygate tokens'.",
    subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListItems.class, ApiKeysCommand.Show.class,
        ApiKeysCommand.Update.class, ApiKeysCommand.Revoke.class, ApiKeysCommand.Delete.class})
public final class ApiKeysCommand {
  private ApiKeysCommand() {}

  static Table detail(ApiKey key) {
    return Table.fields()
        .row("id", key.getId())
        .row("name", key.getName())
        .row("description", key.getDescription())
        .row("tags", Render.tags(key.getTagsMap()))
        .row("owner", key.getOwnerPrincipalId())
        .row("scope", key.getScopeId())
        .row("role", key.getRoleId())
        .row("rate limit", Render.rateLimit(key.hasEffectiveRateLimit(), key.getEffectiveRateLimit())
            + (Render.rateLimit(key.hasRateLimit(), key.getRateLimit()).isEmpty() ? " (tenant default)" : ""))
        .row("state", Render.name(key.getState()))
        .row("expires", Render.time(key.hasExpireTime(), key.getExpireTime()))
        .row("revoked", Render.time(key.hasRevokeTime(), key.getRevokeTime()))
        .row("tokens", key.getTokenCount())
        .row("requests", key.getRequestCount())
        .row("last used", Render.time(key.hasLastUsedTime(), key.getLastUsedTime()))
        .row("tenant", key.getTenantId())
        .row("created", Render.time(key.hasCreateTime(), key.getCreateTime()))
        .row("updated", Render.time(key.hasUpdateTime(), key.getUpdateTime()));
  }

  static Table table(List<ApiKey> keys) {
    Table table = Table.of("ID", "NAME", "OWNER", "ROLE", "SCOPE", "STATE", "TOKENS", "EXPIRES", "TAGS");
    keys.forEach(k -> table.row(k.getId(), k.getName(), k.getOwnerPrincipalId(), k.getRoleId(), k.getScopeId(),
        Render.name(k.getState()), k.getTokenCount(), Render.time(k.hasExpireTime(), k.getExpireTime()),
        Render.tags(k.getTagsMap())));
    return table;
  }

  /** Rate-limit flags of create and update. */
  static final class RateLimitOptions {
    @Option(names = "--rate-limit", paramLabel = "PER_MINUTE", description = "Requests per minute; 0 = no limit.")
    Long perMinute;

    @Option(names = "--rate-limit-mode", paramLabel = "MODE", description = "enforced or informational.")
    String mode;

    KeyRateLimit limit(Flags flags) {
      if (perMinute == null && mode == null) {
        return null;
      }
      KeyRateLimit.Builder limit = KeyRateLimit.newBuilder();
      if (perMinute != null) {
        limit.setRequestsPerMinute(perMinute);
      }
      if (mode != null) {
        limit.setMode(flags.enumValue("--rate-limit-mode", mode, RateLimitMode.values()));
      }
      return limit.build();
    }
  }

  @Command(name = "create", description = "Create a key and (unless --no-token) its first token, whose secret is"
      + " printed once.")
  static final class Create extends ManageCommand {
    @Option(names = "--name", required = true, description = "Name.")
    String name;

    @Option(names = "--description", defaultValue = "", description = "Description.")
    String description;

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "A tag; repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--owner", paramLabel = "PRINCIPAL_ID", defaultValue = "",
        description = "Owner. Default: the principal of $KEYGATE_API_KEY.")
    String owner;

    @Option(names = "--scope", paramLabel = "SCOPE_ID", defaultValue = "", description = "Bind to a scope.")
    String scope;

    @Option(names = "--role", paramLabel = "ROLE_ID", defaultValue = "", description = "Role of the key.")
    String role;

    @Mixin
    RateLimitOptions rateLimit;

    @Option(names = "--expires", paramLabel = "WHEN",
        description = "Key expiry: never, a lifetime (90d, 12mo) or a time (2030-01-01T00:00:00Z). Default: never.")
    String expires;

    @Option(names = "--no-token", description = "Create the key without a token (no secret is printed).")
    boolean noToken;

    @Mixin
    TokenSpecOptions token;

    @Override
    void run() {
      CreateApiKeyRequest.Builder request = CreateApiKeyRequest.newBuilder().setName(name)
          .setDescription(description).putAllTags(flags.tags("--tag", tags)).setOwnerPrincipalId(owner)
          .setScopeId(scope).setRoleId(role);
      KeyRateLimit limit = rateLimit.limit(flags);
      if (limit != null) {
        request.setRateLimit(limit);
      }
      if (expires != null) {
        request.setExpiration(flags.expiration("--expires", expires));
      }
      if (!noToken) {
        request.setInitialToken(token.spec(flags));
      }
      CreateApiKeyResponse response = stub(ApiKeyServiceGrpc::newBlockingStub).createApiKey(request.build());
      output.print(response, () -> {
        Table table = detail(response.getApiKey());
        if (response.hasToken()) {
          table.row("token", response.getToken().getId())
              .row("token access", Render.name(response.getToken().getAccess()))
              .row("secret", response.getSecret());
        }
        return table;
      });
      if (response.hasToken()) {
        output.secretShownOnce();
      }
    }
  }

  @Command(name = "list", description = "List the keys you may see; filters combine.")
  static final class ListItems extends ManageCommand {
    @Option(names = "--owner", paramLabel = "PRINCIPAL_ID", defaultValue = "", description = "Only this owner's.")
    String owner;

    @Option(names = "--scope", paramLabel = "SCOPE_ID", defaultValue = "", description = "Only bound to this scope.")
    String scope;

    @Option(names = "--role", paramLabel = "ROLE_ID", defaultValue = "", description = "Only with this role.")
    String role;

    @Option(names = "--state", description = "Only in this state: active, expired or revoked.")
    String state;

    @Option(names = "--tag", paramLabel = "NAME[=VALUE]", defaultValue = "", description = "Only with this tag.")
    String tag;

    @Mixin
    ListOptions paging;

    @Override
    void run() {
      ListApiKeysRequest.Builder filter = ListApiKeysRequest.newBuilder().setOwnerPrincipalId(owner)
          .setScopeId(scope).setRoleId(role).setTag(tag);
      if (state != null) {
        filter.setState(flags.enumValue("--state", state, CredentialState.values()));
      }
      Page<ApiKey> page = collect(paging, (size, token) -> {
        ListApiKeysResponse r = stub(ApiKeyServiceGrpc::newBlockingStub).listApiKeys(filter.clone()
            .setPageSize(size).setPageToken(token).build());
        return new Page<>(r.getApiKeysList(), r.getNextPageToken());
      });
      output.print(ListApiKeysResponse.newBuilder().addAllApiKeys(page.items())
          .setNextPageToken(page.nextPageToken()), () -> table(page.items()));
    }
  }

  @Command(name = "show", aliases = "get", description = "Show one key.")
  static final class Show extends ManageCommand {
    @Parameters(paramLabel = "KEY_ID", description = "The key (key_...).")
    String id;

    @Override
    void run() {
      GetApiKeyResponse response = stub(ApiKeyServiceGrpc::newBlockingStub)
          .getApiKey(GetApiKeyRequest.newBuilder().setApiKeyId(id).build());
      output.print(response, () -> detail(response.getApiKey()));
    }
  }

  @Command(name = "update", description = "Change a key's name, description, tags, role, rate limit or expiry."
      + " Options left out keep their value.")
  static final class Update extends ManageCommand {
    @Parameters(paramLabel = "KEY_ID", description = "The key (key_...).")
    String id;

    @Option(names = "--name", description = "New name.")
    String name;

    @Option(names = "--description", description = "New description.")
    String description;

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "New tags, replacing all old ones; repeatable.")
    List<String> tags;

    @Option(names = "--no-tags", description = "Remove every tag.")
    boolean noTags;

    @Option(names = "--role", paramLabel = "ROLE_ID", description = "New role; empty removes it.")
    String role;

    @Mixin
    RateLimitOptions rateLimit;

    @Option(names = "--expires", paramLabel = "WHEN", description = "New expiry: never, 90d, 12mo or a time.")
    String expires;

    @Override
    void run() {
      UpdateApiKeyRequest.Builder request = UpdateApiKeyRequest.newBuilder().setApiKeyId(id);
      if (name != null) {
        request.setName(name);
      }
      if (description != null) {
        request.setDescription(description);
      }
      if (tags != null && noTags) {
        throw flags.usage("--tag and --no-tags exclude each other");
      }
      if (tags != null || noTags) {
        request.setTags(Tags.newBuilder().putAllValues(noTags ? java.util.Map.of() : flags.tags("--tag", tags)));
      }
      if (role != null) {
        request.setRoleId(role);
      }
      KeyRateLimit limit = rateLimit.limit(flags);
      if (limit != null) {
        request.setRateLimit(limit);
      }
      if (expires != null) {
        request.setExpiration(flags.expiration("--expires", expires));
      }
      UpdateApiKeyResponse response = stub(ApiKeyServiceGrpc::newBlockingStub).updateApiKey(request.build());
      output.print(response, () -> detail(response.getApiKey()));
    }
  }

  @Command(name = "revoke", description = "Revoke a key: every token of it is refused from now on. The key stays"
      + " listed. Irreversible.")
  static final class Revoke extends ManageCommand {
    @Parameters(paramLabel = "KEY_ID", description = "The key (key_...).")
    String id;

    @Override
    void run() {
      RevokeApiKeyResponse response = stub(ApiKeyServiceGrpc::newBlockingStub)
          .revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(id).build());
      output.print(response, () -> detail(response.getApiKey()));
    }
  }

  @Command(name = "delete", description = "Delete a key and all its tokens. Irreversible.")
  static final class Delete extends ManageCommand {
    @Parameters(paramLabel = "KEY_ID", description = "The key (key_...).")
    String id;

    @Override
    void run() {
      DeleteApiKeyResponse response = stub(ApiKeyServiceGrpc::newBlockingStub)
          .deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(id).build());
      output.print(response, () -> Table.fields().row("deleted", id).row("deleted tokens",
          response.getDeletedTokens()));
    }
  }
}
