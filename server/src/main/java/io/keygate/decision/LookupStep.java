package io.keygate.decision;

import io.keygate.KeygateException;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Reason;
import io.keygate.authz.ScopePath;
import io.keygate.store.CredentialStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Step 3: the credential's record and the scope the request touches — from memory when it holds
 * them (no thread hop), else on {@code blocking}, where the store may wait for the database. An
 * unknown credential is refused (401) and counted by the {@link FloodGuardStep}. The scope is the
 * requested one ({@link ScopePath#TENANT_WIDE} when none is named, which a scope-bound key may not
 * act on); for a management call, the key's own scope, whose API-access switches apply to it.
 */
final class LookupStep implements Step {
  private final CredentialStore store;
  private final Executor blocking;
  private final FloodGuardStep guard;

  LookupStep(CredentialStore store, Executor blocking, FloodGuardStep guard) {
    this.store = store;
    this.blocking = blocking;
    this.guard = guard;
  }

  @Override
  public CompletionStage<Decision> run(Exchange x) {
    if (x.key != null) {
      String scopeId = scopeId(x, x.key);
      ScopePath scope = scopeId == null ? ScopePath.TENANT_WIDE : store.peekScopePath(x.key.tenantId(), scopeId);
      if (scope != CredentialStore.NOT_IN_MEMORY) {
        x.scope = scope;
        return NEXT;
      }
    }
    CompletableFuture<Boolean> found;
    try {
      found = CompletableFuture.supplyAsync(() -> load(x), blocking);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new KeygateException(KeygateException.Kind.RESOURCE_EXHAUSTED,
          "keygate is overloaded; retry with backoff").because("OVERLOADED"));
    }
    return found.thenCompose(known -> known ? NEXT : guard.refuse(x, Reason.CREDENTIAL_UNKNOWN));
  }

  /** Loads what memory did not hold; false when the credential is unknown. May block. */
  private boolean load(Exchange x) {
    if (x.key == null) {
      CredentialRecord key = store.findByDigest(x.digest).orElse(null);
      if (key == null) {
        return false;
      }
      x.key = key;
    }
    String scopeId = scopeId(x, x.key);
    x.scope = scopeId == null ? ScopePath.TENANT_WIDE : store.scopePath(x.key.tenantId(), scopeId);
    return true;
  }

  private static String scopeId(Exchange x, CredentialRecord key) {
    if (x.management) {
      return key.scopeId();
    }
    return x.in.scopeId().isEmpty() ? null : x.in.scopeId();
  }
}
