package io.keygate.store;

/**
 * The usage of one token since the last batch.
 *
 * @param count requests allowed
 * @param lastUsedMillis the latest of them, epoch milliseconds
 */
public record Usage(String tokenId, String apiKeyId, long count, long lastUsedMillis) {}
