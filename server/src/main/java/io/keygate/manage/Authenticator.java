package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.CredentialRecord;
import io.keygate.decision.CredentialExtractor;
import io.keygate.keys.SecretFormat;
import io.keygate.store.CredentialStore;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.TenantRows;
import java.time.Clock;
import java.util.Map;

/**
 * Authenticates management calls with the same API keys as everything else, under the same tenant
 * transport rules. The tenant's API-access switch does not apply here, so that an administrator who
 * switched API access off can switch it on again.
 */
public final class Authenticator {
  private final CredentialStore store;
  private final Database database;
  private final SecretFormat format;
  private final CredentialExtractor extractor;
  private final Clock clock;

  public Authenticator(CredentialStore store, Database database, SecretFormat format, Clock clock) {
    this.store = store;
    this.database = database;
    this.format = format;
    this.extractor = new CredentialExtractor(format.prefix());
    this.clock = clock;
  }

  /** The caller behind the credential in {@code headers}; UNAUTHENTICATED if there is none valid. */
  public Caller authenticate(Map<String, String> headers, String clientIp) {
    CredentialExtractor.Found found = extractor.fromHeaders(headers);
    if (found.refusal() != null) {
      throw KeygateException.unauthenticated(found.refusal().message()
          + " (send the API key in the x-api-key or authorization: Bearer metadata)");
    }
    if (format.check(found.credential()) != SecretFormat.Shape.VALID) {
      throw KeygateException.unauthenticated("the credential is not a well-formed API key");
    }
    CredentialRecord key = store.findByDigest(SecretFormat.digest(found.credential()))
        .orElseThrow(() -> KeygateException.unauthenticated("the API key is not valid"));
    if (found.transport() == Transport.API_KEY_HEADER && !key.policy().acceptsApiKeyHeader()
        || found.transport() == Transport.BEARER && !key.policy().acceptsBearer()) {
      throw KeygateException.unauthenticated("this tenant does not accept credentials in "
          + (found.transport() == Transport.BEARER ? "authorization: Bearer; use x-api-key" : "x-api-key; use"
          + " authorization: Bearer"));
    }
    if (key.revoked()) {
      throw KeygateException.unauthenticated("the API key has been revoked");
    }
    if (key.expiresAt() != null && !clock.instant().isBefore(key.expiresAt())) {
      throw KeygateException.unauthenticated("the API key has expired");
    }
    boolean system = database.read(c -> TenantRows.find(c, key.tenantId())).map(t -> t.getSystem()).orElse(false);
    return new Caller(key.tenantId(), system, key.principalId(), key.principalKind(), key.parentPrincipalId(),
        key.principalScopeId(), key.apiKeyId(), key.tokenId(), key.permissions(), key.readOnly(), clientIp);
  }
}
