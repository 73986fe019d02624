package org.digitocr.batch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, or SIGTERM) into a clean stop. The JVM runs shutdown hooks and then halts,
 * so the hook asks the run to stop and waits until the run reports its files in order: pages being
 * read finish, nothing new starts, partial outputs are removed, the manifest is saved. The process
 * then ends with status 128 + signal (130 for Ctrl-C).
 */
public final class StopSignal implements AutoCloseable {
  private final Duration grace;
  private final CountDownLatch settled = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private StopSignal(Duration grace) {
    this.grace = grace;
    this.hook = new Thread(this::stopAndWait, "stop-signal");
  }

  /**
   * @param grace how long the hook waits for the run to settle before the JVM halts anyway
   */
  public static StopSignal install(Duration grace) {
    StopSignal signal = new StopSignal(grace);
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  /** An instance no signal reaches, for runs embedded in other programs and for tests. */
  public static StopSignal none() {
    return new StopSignal(Duration.ZERO);
  }

  public boolean requested() {
    return requested;
  }

  /** The run has stopped and left its output folder consistent. */
  public void settled() {
    settled.countDown();
  }

  void stopAndWait() {
    requested = true;
    try {
      settled.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    settled();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already: the hook is running and must be left to finish.
    }
  }
}
