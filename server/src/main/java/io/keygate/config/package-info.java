/** Settings: one immutable record from environment variables and flags, validated at start. */
package io.keygate.config;
