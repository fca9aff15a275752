package io.keygate.bench;

/** The trivial JVM baseline: starts, says so, and idles until it is stopped (at most a minute). */
public final class Idle {
  private Idle() {}

  public static void main(String[] args) throws InterruptedException {
    Jvm.OUT.println("idle");
    Jvm.OUT.flush();
    if (args.length == 0) {
      Thread.sleep(60_000);
    }
  }
}
