package org.digitocr.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.util.List;
import java.util.Random;
import org.digitocr.model.ModelChoice;
import org.digitocr.page.Page;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.PageGenerator;
import org.digitocr.synth.PageOptions;
import org.digitocr.synth.SyntheticPage;
import org.junit.jupiter.api.Test;

/**
 * A page's native memory is given back when the page is read, not when the garbage collector gets
 * round to it: an OpenCV view left unreleased keeps its whole parent image alive. Before every view
 * was released, a read left 68 MB of a 200 dpi A4 page's images waiting for the collector, and a
 * batch's resident memory grew by gigabytes.
 */
class PageReaderMemoryTest {
  /** A page's own images are 4 MB each; what a read may leave behind is a fraction of one. */
  static final long MAX_LEFT_PER_PAGE = 20_000_000;

  @Test
  void readingAPageLeavesItsImagesToNoGarbageCollector() throws Exception {
    assumeTrue(Glibc.available(), "glibc's malloc statistics are needed");
    Natives.loadOpenCv();
    Natives.configureNd4j();
    PageGenerator generator = new PageGenerator(MnistPages.test());
    PageReader reader = new PageReader(ModelChoice.shipped().load(), ReadOptions.DEFAULT);
    Random random = new Random(3);
    SyntheticPage warmUp = generator.generate(random, PageOptions.a4(200));
    reader.read("warm-up", new Page(1, warmUp.image()));
    warmUp.image().release();
    for (int i = 0; i < 3; i++) {
      SyntheticPage page = generator.generate(random, PageOptions.a4(200));
      long before = Glibc.bytesInUse();
      reader.read("page-" + i, new Page(1, page.image()));
      long left = Glibc.bytesInUse() - before;
      page.image().release();
      assertTrue(left < MAX_LEFT_PER_PAGE, "a read left " + left + " bytes of native memory");
    }
  }

  /** glibc's count of the bytes malloc has handed out and not had back, over all arenas. */
  private static final class Glibc {
    public static class MallInfo2 extends Structure {
      public long arena;
      public long ordblks;
      public long smblks;
      public long hblks;
      public long hblkhd;
      public long usmblks;
      public long fsmblks;
      public long uordblks;
      public long fordblks;
      public long keepcost;

      @Override
      protected List<String> getFieldOrder() {
        return List.of(
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost");
      }

      public static class ByValue extends MallInfo2 implements Structure.ByValue {}
    }

    private interface C extends Library {
      MallInfo2.ByValue mallinfo2();
    }

    private static C c;

    static boolean available() {
      try {
        c = Native.loadLibrary("c", C.class);
        c.mallinfo2();
        return true;
      } catch (LinkageError e) {
        return false;
      }
    }

    static long bytesInUse() {
      MallInfo2 info = c.mallinfo2();
      return info.uordblks + info.hblkhd;
    }
  }
}
