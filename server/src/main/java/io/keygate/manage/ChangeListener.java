package io.keygate.manage;

/**
 * Told after a change commits, so that caches can drop what it made stale. Called on the thread of
 * the management call; implementations must be quick and must not throw.
 */
public interface ChangeListener {
  /** A key, or any token of it, changed or was deleted. */
  void keyChanged(String tenantId, String apiKeyId);

  /** A role's permissions, a principal's role, or another input of many keys' permissions changed. */
  void tenantChanged(String tenantId);

  /** Ignores every change (no cache to keep fresh). */
  ChangeListener NONE = new ChangeListener() {
    @Override
    public void keyChanged(String tenantId, String apiKeyId) {}

    @Override
    public void tenantChanged(String tenantId) {}
  };
}
