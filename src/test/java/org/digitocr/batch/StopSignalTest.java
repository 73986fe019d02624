package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopSignalTest {

  @Test
  void theHookAsksTheRunToStopAndWaitsUntilItHasSettled() throws Exception {
    try (StopSignal signal = StopSignal.install(Duration.ofSeconds(30))) {
      assertFalse(signal.requested());
      Thread hook = new Thread(signal::stopAndWait);
      hook.start();
      while (!signal.requested()) {
        Thread.sleep(1);
      }
      Thread.sleep(50);
      assertTrue(hook.isAlive(), "the hook must wait for the run");
      signal.settled();
      hook.join(5_000);
      assertFalse(hook.isAlive());
    }
  }

  @Test
  void theHookGivesUpAfterTheGracePeriod() throws Exception {
    StopSignal signal = StopSignal.none();
    signal.stopAndWait();
    assertTrue(signal.requested());
  }
}
