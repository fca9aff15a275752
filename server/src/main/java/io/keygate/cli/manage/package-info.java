/**
 * The management commands of the {@code keygate} CLI ({@code tenants}, {@code scopes}, {@code principals},
 * {@code roles}, {@code keys}, {@code tokens}, {@code audit}): thin gRPC clients of the keygate.v1 management
 * services. One class per resource group; {@link io.keygate.cli.manage.ManageCommand} holds what they share
 * (channel, credential metadata, error mapping, output). Depends only on the generated keygate.v1 stubs,
 * gRPC, protobuf and picocli — never on the server's internals.
 */
package io.keygate.cli.manage;
