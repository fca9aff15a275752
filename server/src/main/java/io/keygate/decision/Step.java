package io.keygate.decision;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One step of the decision ({@link Authorizer}). It runs on the thread that reaches it and either
 * answers, lets the next step run, or — when it needs I/O — returns a stage that completes later,
 * on the thread that did the I/O, with an answer or with {@code null} to go on from there.
 */
interface Step {
  /** Go on with the next step. */
  CompletionStage<Decision> NEXT = CompletableFuture.completedFuture(null);

  /** {@link #NEXT}, an answer, or a stage completing with either (null for NEXT). */
  CompletionStage<Decision> run(Exchange x);

  /** The answer {@code decision}, now. */
  static CompletionStage<Decision> answer(Decision decision) {
    return CompletableFuture.completedFuture(decision);
  }

  /** The answer {@code decision}, or {@link #NEXT} when it is null. */
  static CompletionStage<Decision> answerOrNext(Decision decision) {
    return decision == null ? NEXT : answer(decision);
  }
}
