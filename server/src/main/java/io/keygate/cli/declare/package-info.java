/**
 * Declarative configuration for {@code keygate diff} and {@code keygate apply}: a YAML file describing one
 * tenant's settings, scope tree, roles and principals, compared with what Keygate holds and turned into the
 * management calls that make the two agree.
 *
 * <p>Three parts, each testable on its own:
 * <ul>
 *   <li>{@link io.keygate.cli.declare.DeclarationParser} reads the file into a {@link
 *       io.keygate.cli.declare.Declaration} (SnakeYAML composes nodes only: no object of any type is
 *       constructed from the file); every error names the line and the key.</li>
 *   <li>{@link io.keygate.cli.declare.Planner} is a pure function of the declaration and a snapshot of
 *       Keygate ({@link io.keygate.cli.declare.Actual}) to a {@link io.keygate.cli.declare.Plan}: ordered
 *       steps, each one management RPC. No I/O.</li>
 *   <li>{@link io.keygate.cli.declare.StateReader} takes the snapshot and {@link
 *       io.keygate.cli.declare.Applier} makes the calls, both through the ordinary management gRPC API with
 *       the operator's credential, so every change is authorised and audited like a hand-made one.</li>
 * </ul>
 *
 * <p>Secrets are never part of it: the file format has no place for keys or tokens, and no call made here
 * returns one. Depends on the generated keygate.v1 stubs, gRPC, protobuf and SnakeYAML; not on picocli, not on
 * {@code io.keygate.cli.manage} (which depends on this package), never on the server's internals.
 */
package io.keygate.cli.declare;
