/**
 * Telemetry. Logging: {@link io.keygate.telemetry.RedactingEncoder} (text or JSON lines, redacted
 * by {@link io.keygate.telemetry.Redaction}), {@link io.keygate.telemetry.Logging} (the format,
 * level and java.util.logging routing applied at start), and the per-key throttle of repeated stack
 * traces ({@link io.keygate.telemetry.Throttle}, used by {@link io.keygate.telemetry.ThrottledLog}
 * and {@link io.keygate.telemetry.ThrottledStackTraces}); these depend only on SLF4J, logback and
 * Gson, so any package may log through them. {@link io.keygate.telemetry.Metrics}: the Prometheus
 * metrics, read from the components it is given.
 */
package io.keygate.telemetry;
