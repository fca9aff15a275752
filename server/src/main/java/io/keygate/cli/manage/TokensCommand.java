package io.keygate.cli.manage;

import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.CreateTokenResponse;
import io.keygate.v1.DeleteTokenRequest;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.ListTokensResponse;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.RotateTokenResponse;
import io.keygate.v1.Tags;
import io.keygate.v1.Token;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.UpdateTokenRequest;
import io.keygate.v1.UpdateTokenResponse;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keygate tokens}: the token half of ApiKeyService. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
    description = "Tokens: the secrets of a key, each read-only or read-write with its own expiry (ApiKeyService).",
    subcommands = {TokensCommand.Create.class, TokensCommand.ListItems.class, TokensCommand.Update.class,
        TokensCommand.Rotate.class, TokensCommand.Delete.class})
public final class TokensCommand {
  private TokensCommand() {}

  static Table detail(Token token) {
    return Table.fields()
        .row("id", token.getId())
        .row("key", token.getApiKeyId())
        .row("name", token.getName())
        .row("description", token.getDescription())
        .row("tags", Render.tags(token.getTagsMap()))
        .row("access", Render.name(token.getAccess()))
        .row("state", Render.name(token.getState()))
        .row("hint", token.getHint())
        .row("expires", Render.time(token.hasExpireTime(), token.getExpireTime()))
        .row("rotated", Render.time(token.hasRotateTime(), token.getRotateTime()))
        .row("previous secret until", Render.time(token.hasPreviousSecretExpireTime(),
            token.getPreviousSecretExpireTime()))
        .row("last used", Render.time(token.hasLastUsedTime(), token.getLastUsedTime()))
        .row("created", Render.time(token.hasCreateTime(), token.getCreateTime()))
        .row("updated", Render.time(token.hasUpdateTime(), token.getUpdateTime()));
  }

  static Table table(List<Token> tokens) {
    Table table = Table.of("ID", "NAME", "ACCESS", "STATE", "HINT", "EXPIRES", "ROTATED", "LAST USED");
    tokens.forEach(t -> table.row(t.getId(), t.getName(), Render.name(t.getAccess()), Render.name(t.getState()),
        t.getHint(), Render.time(t.hasExpireTime(), t.getExpireTime()),
        Render.time(t.hasRotateTime(), t.getRotateTime()), Render.time(t.hasLastUsedTime(), t.getLastUsedTime())));
    return table;
  }

  @Command(name = "create", description = "Issue a new token under a key; prints its secret once.")
  static final class Create extends ManageCommand {
    @Option(names = "--key", paramLabel = "KEY_ID", required = true, description = "The key (key_...).")
    String key;

    @Mixin
    TokenSpecOptions token;

    @Override
    void run() {
      CreateTokenResponse response = stub(ApiKeyServiceGrpc::newBlockingStub).createToken(
          CreateTokenRequest.newBuilder().setApiKeyId(key).setToken(token.spec(flags)).build());
      output.print(response, () -> detail(response.getToken()).row("secret", response.getSecret()));
      output.secretShownOnce();
    }
  }

  @Command(name = "list", description = "List a key's tokens (never their secrets).")
  static final class ListItems extends ManageCommand {
    @Option(names = "--key", paramLabel = "KEY_ID", required = true, description = "The key (key_...).")
    String key;

    @Mixin
    ListOptions paging;

    @Override
    void run() {
      Page<Token> page = collect(paging, (size, token) -> {
        ListTokensResponse r = stub(ApiKeyServiceGrpc::newBlockingStub).listTokens(ListTokensRequest.newBuilder()
            .setApiKeyId(key).setPageSize(size).setPageToken(token).build());
        return new Page<>(r.getTokensList(), r.getNextPageToken());
      });
      output.print(ListTokensResponse.newBuilder().addAllTokens(page.items()).setNextPageToken(page.nextPageToken()),
          () -> table(page.items()));
    }
  }

  @Command(name = "update", description = "Change a token's name, description, tags, access or expiry."
      + " Options left out keep their value.")
  static final class Update extends ManageCommand {
    @Parameters(paramLabel = "TOKEN_ID", description = "The token (tok_...).")
    String id;

    @Option(names = "--name", description = "New name.")
    String name;

    @Option(names = "--description", description = "New description.")
    String description;

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "New tags, replacing all old ones; repeatable.")
    List<String> tags;

    @Option(names = "--no-tags", description = "Remove every tag.")
    boolean noTags;

    @Option(names = "--access", paramLabel = "ACCESS", description = "read-only or read-write.")
    String access;

    @Option(names = "--expires", paramLabel = "WHEN", description = "New expiry: never, 90d, 12mo or a time.")
    String expires;

    @Override
    void run() {
      UpdateTokenRequest.Builder request = UpdateTokenRequest.newBuilder().setTokenId(id);
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
        request.setTags(Tags.newBuilder().putAllValues(noTags ? Map.of() : flags.tags("--tag", tags)));
      }
      if (access != null) {
        request.setAccess(flags.enumValue("--access", access, TokenAccess.values()));
      }
      if (expires != null) {
        request.setExpiration(flags.expiration("--expires", expires));
      }
      UpdateTokenResponse response = stub(ApiKeyServiceGrpc::newBlockingStub).updateToken(request.build());
      output.print(response, () -> detail(response.getToken()));
    }
  }

  @Command(name = "rotate", description = "Issue a new secret for a token and print it once. The old secret stops"
      + " working at once, or after --grace.")
  static final class Rotate extends ManageCommand {
    @Parameters(paramLabel = "TOKEN_ID", description = "The token (tok_...).")
    String id;

    @Option(names = "--grace", paramLabel = "DURATION",
        description = "How long the old secret keeps working, e.g. 1h; at most 7d. Default: it stops at once.")
    String grace;

    @Option(names = "--expires", paramLabel = "WHEN", description = "New expiry: never, 90d, 12mo or a time.")
    String expires;

    @Override
    void run() {
      RotateTokenRequest.Builder request = RotateTokenRequest.newBuilder().setTokenId(id);
      if (grace != null) {
        request.setGracePeriod(flags.protoDuration("--grace", grace));
      }
      if (expires != null) {
        request.setExpiration(flags.expiration("--expires", expires));
      }
      RotateTokenResponse response = stub(ApiKeyServiceGrpc::newBlockingStub).rotateToken(request.build());
      output.print(response, () -> detail(response.getToken()).row("secret", response.getSecret()));
      output.secretShownOnce();
    }
  }

  @Command(name = "delete", description = "Delete one token; requests with it get 401.")
  static final class Delete extends ManageCommand {
    @Parameters(paramLabel = "TOKEN_ID", description = "The token (tok_...).")
    String id;

    @Override
    void run() {
      var response = stub(ApiKeyServiceGrpc::newBlockingStub).deleteToken(DeleteTokenRequest.newBuilder()
          .setTokenId(id).build());
      output.print(response, () -> Table.fields().row("deleted", id));
    }
  }
}
