/**
 * Envoy's external authorization API ({@code envoy.service.auth.v3.Authorization/Check}) on top
 * of the same decision as {@code keygate.v1.AuthorizerService}.
 */
package io.keygate.transport.envoy;
