/** Tests of the Helm chart under {@code helm/keygate}: lint, rendering, schema, Envoy and Istio configs. */
package io.keygate.helm;
