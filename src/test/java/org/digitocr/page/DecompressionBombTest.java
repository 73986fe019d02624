package org.digitocr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images that claim more pixels than --max-pixels are refused from their header, undecoded. */
class DecompressionBombTest {
  @TempDir Path dir;

  @BeforeAll
  static void openCv() {
    Natives.loadOpenCv();
  }

  @Test
  void aPngClaiming50000By50000IsRefusedWithoutAllocatingIt() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.png"), HostileFiles.pngClaiming(50_000, 50_000));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    InputException refused = refusal(bomb, LoadOptions.DEFAULT);

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(ErrorKind.TOO_LARGE, refused.kind());
    assertTrue(
        refused.getMessage().startsWith(bomb + ": is too large (50000x50000 pixels, limit "),
        refused.getMessage());
    assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes; decoding needs 2.5 GB");
  }

  @Test
  void aJpegClaiming60000By60000IsRefusedTheSameWay() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.jpg"), HostileFiles.jpegClaiming(60_000));
    assertEquals(ErrorKind.TOO_LARGE, refusal(bomb, LoadOptions.DEFAULT).kind());
  }

  @Test
  void theLimitIsTheOneAskedFor() throws Exception {
    Path page = Files.write(dir.resolve("page.bmp"), HostileFiles.image("bmp", 300, 200));
    assertEquals(ErrorKind.TOO_LARGE, refusal(page, new LoadOptions(300, 59_999)).kind());
    try (PageSource source = PageLoader.open(page, new LoadOptions(300, 60_000))) {
      assertEquals(300, source.page(1).image().cols());
    }
  }

  private static InputException refusal(Path file, LoadOptions options) throws IOException {
    return assertThrows(
        InputException.class,
        () -> {
          try (PageSource source = PageLoader.open(file, options)) {
            source.page(1);
          }
        });
  }
}
