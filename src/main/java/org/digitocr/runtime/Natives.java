package org.digitocr.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nu.pattern.OpenCV;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.opencv.core.Core;

/**
 * Loads the native libraries once per process and applies the thread settings this program runs
 * best with, so that users never have to set environment variables themselves.
 *
 * <p>What was measured, and why each setting is what it is, is in {@code docs/performance.md}.
 */
public final class Natives {
  /**
   * OpenBLAS reads this when it loads: how long (log2 of CPU cycles) an idle worker thread spins
   * with {@code sched_yield} before it sleeps. Its default, 2^28 cycles, kept a worker spinning
   * through every non-BLAS step of training, which is where the kernel's third of the CPU time
   * went; 2^4 lets it sleep at once, at the price of a wake-up per large matrix product.
   */
  static final String OPENBLAS_THREAD_TIMEOUT = "OPENBLAS_THREAD_TIMEOUT";

  static final String OPENBLAS_SPIN_LOG2_CYCLES = "4";

  /**
   * JavaCPP re-reads {@code /proc/self/statm} on every off-heap allocation to enforce this limit on
   * resident memory; ND4J allocates a dozen small buffers per operation, so the check cost a fifth
   * of every {@code output()} call. ND4J's own off-heap limit (JavaCPP's maxBytes) stays.
   */
  static final String JAVACPP_MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  static final String ONEDNN_EXTENSION = "-onednn-avx2";

  private static final String ONEDNN_LIBRARY =
      "/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64"
          + ONEDNN_EXTENSION
          + "/libjnind4jcpu.so";
  private static final String JAVACPP_PLATFORM_EXTENSION =
      "org.bytedeco.javacpp.platform.extension";
  private static final String DL4J_DISABLE_HELPERS = "org.eclipse.deeplearning4j.helpers.disable";

  private static final String OPENCV_THREADS = "OPENCV_FOR_THREADS_NUM";

  private static final String OPENCV_LINUX_X86_64 = "/nu/pattern/opencv/linux/x86_64/";

  // glibc's mallopt parameters (malloc.h)
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;

  /** The largest glibc allows on 64-bit: a page image up to 32 MB comes from an arena. */
  private static final int MMAP_THRESHOLD_BYTES = 32 << 20;

  /** Free memory at the top of an arena handed back only past this. */
  private static final int TRIM_THRESHOLD_BYTES = 512 << 20;

  /**
   * A worker thread's arena grows in heaps of 64 MB; glibc deletes an emptied one only when the
   * heap before it has this much room to spare, which it never has.
   */
  private static final int TOP_PAD_BYTES = 64 << 20;

  private static final String JEMALLOC = "jemalloc";

  private static final String C_MALLOC = "the C library's malloc";

  private static final List<String> MALLOC_VARIABLES =
      List.of("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_THRESHOLD_");

  private static boolean openCvLoaded;
  private static boolean nd4jConfigured;
  private static volatile int batchThreads = Runtime.getRuntime().availableProcessors();

  private Natives() {}

  /**
   * OpenCV from org.openpnp: on Linux x86-64 its library is loaded from a {@link
   * NativeLibraryCache}; elsewhere, or if the cache cannot be written, org.openpnp unpacks it into
   * a temporary folder ({@code loadShared()} is refused on Java 12+).
   */
  public static synchronized void loadOpenCv() {
    if (openCvLoaded) {
      return;
    }
    Optional<Path> cached = cachedOpenCv();
    if (cached.isEmpty() || !loaded(cached.get())) {
      OpenCV.loadLocally();
    }
    openCvLoaded = true;
  }

  /**
   * Keeps the memory of freed page images for the next page, for a process that reads pages in bulk
   * ({@code scan}, {@code evaluate-pages}): see {@link #keepFreedMemory}. Not set where the same
   * process trains: one CNN epoch took 84–103 s with these settings against 58–69 without,
   * alternating (docs/performance.md, session 20).
   */
  public static void keepFreedPageMemory() {
    keepFreedMemory(System.getenv());
  }

  /**
   * Sets glibc's allocator to keep the memory of freed page images for the next page. OpenCV
   * allocates every image with malloc: a dozen of ~4 MB a page at 200 dpi, freed within the page.
   * By default glibc maps an allocation that large afresh until its threshold has grown past it,
   * hands free memory at the top of an arena back to the kernel, and deletes a worker's emptied
   * heaps; the next image then lands on new memory, one page fault (the kernel zeroing 4 kB) per 4
   * kB written. {@code scan --jobs 2} took 700–1,100 faults a page and spent a tenth of its CPU in
   * the kernel; with these settings under 200 (docs/performance.md, session 20). The process keeps
   * its peak instead: 522–541 MiB over 300 pages, against 493–509 without these settings.
   *
   * @return whether the settings were made: not under jemalloc (which {@code bin/digit-ocr}
   *     preloads where the system has it, and which reuses freed memory without them), not if the
   *     environment holds a user's own malloc settings, nor where the C library has no {@code
   *     mallopt} (other than glibc's)
   */
  static boolean keepFreedMemory(Map<String, String> environment) {
    if (environment.getOrDefault("LD_PRELOAD", "").contains(JEMALLOC)
        || environment.getOrDefault("GLIBC_TUNABLES", "").contains("glibc.malloc.")
        || MALLOC_VARIABLES.stream().anyMatch(environment::containsKey)) {
      return false;
    }
    try {
      return CLibrary.INSTANCE.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
          & CLibrary.INSTANCE.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1
          & CLibrary.INSTANCE.mallopt(M_TOP_PAD, TOP_PAD_BYTES) == 1;
    } catch (LinkageError e) {
      return false; // not glibc: its allocator's defaults
    }
  }

  /**
   * The allocator behind this process's native memory: jemalloc where {@code bin/digit-ocr}
   * preloaded it, else the C library's malloc.
   */
  public static String memoryAllocator() {
    try (Stream<String> mappings = Files.lines(Path.of("/proc/self/maps"))) {
      return memoryAllocator(mappings);
    } catch (IOException | UncheckedIOException e) {
      return C_MALLOC; // no /proc: not Linux, where bin/digit-ocr preloads nothing
    }
  }

  static String memoryAllocator(Stream<String> mappings) {
    return mappings.anyMatch(mapping -> mapping.contains("/lib" + JEMALLOC + ".so"))
        ? JEMALLOC
        : C_MALLOC;
  }

  private static Optional<Path> cachedOpenCv() {
    URL library =
        OpenCV.class.getResource(
            OPENCV_LINUX_X86_64 + System.mapLibraryName(Core.NATIVE_LIBRARY_NAME));
    if (library == null || !isLinuxX8664()) {
      return Optional.empty();
    }
    try {
      return Optional.of(NativeLibraryCache.inUserCache().unpacked(library));
    } catch (IOException e) {
      return Optional.empty(); // a temporary folder serves as well, only slower
    }
  }

  /** Loads a cached library; a damaged copy is deleted, to be unpacked again next time. */
  private static boolean loaded(Path library) {
    try {
      System.load(library.toString());
      return true;
    } catch (UnsatisfiedLinkError e) {
      try {
        Files.deleteIfExists(library);
      } catch (IOException notDeleted) {
        // Every start then takes the slower way, as without a cache.
      }
      return false;
    }
  }

  private static boolean isLinuxX8664() {
    String arch = System.getProperty("os.arch");
    return System.getProperty("os.name").equals("Linux")
        && (arch.equals("amd64") || arch.equals("x86_64"));
  }

  /**
   * Gives each of {@code workers} page workers its share of the cores for OpenCV's parallel loops,
   * and reads a page's digits on the calling thread, OpenBLAS's products included, in one part
   * (configuring ND4J first). OpenCV runs a call on every core by default; with one worker per core
   * the workers' calls oversubscribed the cores and their threads waited on each other ({@code scan
   * --jobs 2} on 60 generated pages, median of five alternating runs: 5.8 pages/s, 6.0 with one
   * OpenCV thread per worker). OpenBLAS split each page's product (~100 digits) over both cores
   * too: in {@code --jobs 2} its waits in {@code sched_yield} were a third of the MLP's time on a
   * page (100 pages, three alternating runs: 12.1–12.2 pages/s, 12.2–12.9 with one thread). One
   * thread whatever {@code workers} is, because a product split differently may sum in another
   * order: confidences moved in the fourth decimal on 5 of 93,000 digits, and a page must read the
   * same with any {@code --jobs}. A user's {@code OPENCV_FOR_THREADS_NUM} is left alone. Each
   * worker keeps ND4J's OpenMP loops on its own thread itself ({@link
   * #runOpenMpLoopsOnThisThread}).
   */
  public static synchronized void shareCoresAmong(int workers) {
    loadOpenCv();
    configureNd4j();
    if (System.getenv(OPENCV_THREADS) == null) {
      Core.setNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / workers));
    }
    setBlasThreads(1);
    setBatchThreads(1);
  }

  /**
   * Call before any other ND4J use: some settings only take effect while the native libraries load.
   *
   * <ul>
   *   <li>OpenBLAS runs on the calling thread; training gives it one thread per core for its large
   *       matrix products ({@link #setBlasThreads}), and a large batch of digits is read in parts
   *       on threads of its own instead ({@link #batchThreads}).
   *   <li>ND4J's own OpenMP loops (element-wise operations) run on the calling thread: with both
   *       pools at one thread per core, four spinning threads shared two cores. OpenMP keeps this
   *       per thread, so other threads that read pages set it themselves ({@link
   *       #runOpenMpLoopsOnThisThread}).
   *   <li>Idle OpenBLAS threads sleep instead of spinning, see {@link #OPENBLAS_THREAD_TIMEOUT}.
   * </ul>
   *
   * Settings a user did make (environment variables, {@code -D} properties) are left alone.
   */
  public static synchronized void configureNd4j() {
    if (nd4jConfigured) {
      return;
    }
    if (System.getProperty(JAVACPP_MAX_PHYSICAL_BYTES) == null) {
      System.setProperty(JAVACPP_MAX_PHYSICAL_BYTES, "0");
    }
    setNativeEnvironmentIfAbsent(OPENBLAS_THREAD_TIMEOUT, OPENBLAS_SPIN_LOG2_CYCLES);
    useOneDnn();
    Nd4j.getExecutioner(); // loads the backend, which NativeOpsHolder and blas() need
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    Nd4j.factory().blas().setMaxThreads(1);
    nd4jConfigured = true;
  }

  /**
   * Loads the oneDNN build of nd4j-native when it is on the class path and lets deeplearning4j's
   * layers use it: their own convolution path (im2col in Java, then a matrix product) made a CNN
   * epoch 3x slower. deeplearning4j 1.0.0-M2.1 turns these helpers off unless told otherwise, and
   * needs {@link org.nd4j.nativeblas.Nd4jCpu} to find them.
   */
  private static void useOneDnn() {
    if (Natives.class.getResource(ONEDNN_LIBRARY) == null) {
      return;
    }
    if (System.getProperty(JAVACPP_PLATFORM_EXTENSION) == null) {
      System.setProperty(JAVACPP_PLATFORM_EXTENSION, ONEDNN_EXTENSION);
    }
    if (System.getProperty(DL4J_DISABLE_HELPERS) == null) {
      System.setProperty(DL4J_DISABLE_HELPERS, "false");
    }
  }

  /**
   * Runs the calling thread's OpenMP loops (ND4J's element-wise operations, oneDNN's layers) on the
   * thread itself. Call it on every thread that reads pages: OpenMP keeps its thread count per
   * thread, so {@link #configureNd4j} sets it only for the thread that loads ND4J, and {@code
   * scan}'s workers, started later, ran each layer of the CNN recheck on a team of two whose second
   * thread competed with the other worker for its core. The whole process's default ({@code
   * OMP_NUM_THREADS=1}) also shrinks ND4J's thread pool, which made a CNN training epoch 15%
   * longer.
   */
  public static void runOpenMpLoopsOnThisThread() {
    setElementwiseThreads(1);
  }

  /**
   * Sets the threads of the calling thread's OpenMP loops (ND4J's). Worth every core where they
   * rather than BLAS carry the work: a CNN's convolutions, batch norm and pooling (a training epoch
   * measured 1.4x faster on two cores); everywhere else one thread is faster, see {@link
   * #configureNd4j}.
   */
  public static void setElementwiseThreads(int threads) {
    configureNd4j();
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
  }

  /** Threads ND4J's element-wise operations use (OpenMP). */
  public static int elementwiseThreads() {
    return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
  }

  /**
   * Sets the threads OpenBLAS may use for one matrix product. Worth every core while training; a
   * change costs ~0.2 ms, too much to make around each batch read.
   */
  public static void setBlasThreads(int threads) {
    configureNd4j();
    Nd4j.factory().blas().setMaxThreads(threads);
  }

  /** Threads OpenBLAS may use for one matrix product. */
  public static int blasThreads() {
    return Nd4j.factory().blas().getMaxThreads();
  }

  /**
   * Sets how many threads one large batch of digits may be read on: the MLP splits it by rows, each
   * part through every layer on a thread of its own, where OpenBLAS is on one thread.
   */
  public static void setBatchThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("batch threads must be at least 1, got " + threads);
    }
    batchThreads = threads;
  }

  /** Threads one large batch of digits may be read on; every core unless set. */
  public static int batchThreads() {
    return batchThreads;
  }

  /**
   * Sets a variable in the process's native environment, where native libraries read it with {@code
   * getenv} when they load ({@link System#getenv} is a copy taken at start-up and cannot be
   * changed). Only speed depends on these variables, so if the C library cannot be reached the
   * program runs on with the libraries' defaults.
   */
  private static void setNativeEnvironmentIfAbsent(String name, String value) {
    if (System.getenv(name) != null) {
      return;
    }
    try {
      CLibrary.INSTANCE.setenv(name, value, 0);
    } catch (LinkageError e) {
      // no usable JNA on this platform: keep the default
    }
  }

  private interface CLibrary extends Library {
    CLibrary INSTANCE = Native.loadLibrary("c", CLibrary.class);

    int setenv(String name, String value, int overwrite);

    int mallopt(int parameter, int value);
  }
}
