/** Logging with redaction of secrets (configured in {@code logback.xml}); later: metrics and health. */
package io.keygate.telemetry;
