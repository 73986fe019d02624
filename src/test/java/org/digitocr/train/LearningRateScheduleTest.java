package org.digitocr.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void constantKeepsTheBaseRate() {
    LearningRateSchedule schedule = LearningRateSchedule.parse("constant", 0.001, 25);
    assertTrue(schedule.isConstant());
    assertEquals(0.001, schedule.rate(1));
    assertEquals(0.001, schedule.rate(25));
  }

  @Test
  void exponentialMultipliesEveryEpoch() {
    LearningRateSchedule schedule = LearningRateSchedule.parse("exp:0.5", 0.008, 10);
    assertEquals(0.008, schedule.rate(1), 1e-12);
    assertEquals(0.004, schedule.rate(2), 1e-12);
    assertEquals(0.001, schedule.rate(4), 1e-12);
  }

  @Test
  void cosineFallsFromTheBaseToOnePercent() {
    LearningRateSchedule schedule = LearningRateSchedule.parse("cosine", 0.01, 11);
    assertEquals(0.01, schedule.rate(1), 1e-12);
    assertEquals(0.01 * (0.01 + 0.99 * 0.5), schedule.rate(6), 1e-12);
    assertEquals(0.0001, schedule.rate(11), 1e-12);
    for (int epoch = 2; epoch <= 11; epoch++) {
      assertTrue(schedule.rate(epoch) < schedule.rate(epoch - 1));
    }
  }

  @Test
  void unknownSchedulesAreRefusedWithTheChoices() {
    for (String bad : new String[] {"linear", "exp:", "exp:1.5", "exp:x", "exp:0"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> LearningRateSchedule.parse(bad, 0.001, 5));
      assertTrue(e.getMessage().contains("constant, cosine or exp:G"), e.getMessage());
    }
  }
}
