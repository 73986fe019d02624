package org.digitocr.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelChoice;
import org.digitocr.output.AtomicFiles;
import org.digitocr.output.ErrorsCsvWriter;
import org.digitocr.output.Failure;
import org.digitocr.output.ReviewPageWriter;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.PageLoader;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageOutcome;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.PageResult;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.digitocr.util.ContentHash;

/**
 * Reads many inputs into one output folder: {@code jobs} workers read pages in parallel while this
 * thread opens the inputs one after another and feeds their pages through a small bounded queue, so
 * memory does not grow with the number of inputs or pages. Each input's own outputs are written as
 * soon as its last page is read; the files over all inputs are rebuilt at the end in input order,
 * so they are the same whatever the number of workers and however many runs it took.
 *
 * <p>The output folder is locked for the run; leftovers of a killed run are removed first; inputs
 * already done with the same content, model and options are skipped; an input whose outputs are all
 * in place is recorded in the manifest. A failed input or page is reported and the run goes on.
 */
public final class BatchRunner {
  public static final int EXIT_OK = 0;
  public static final int EXIT_SOME_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_FATAL = 3;
  public static final int EXIT_INTERRUPTED = 130;

  private static final int COLLECT_EVERY_PAGES = 50;

  /**
   * What a run does.
   *
   * @param jobs worker threads
   * @param force redo inputs the manifest says are done
   * @param model the model files, loaded once the output folder is locked
   * @param options every setting that changes an input's outputs, for the manifest
   */
  public record Settings(
      Path output,
      int jobs,
      boolean force,
      LoadOptions load,
      ReadOptions read,
      ModelChoice model,
      SortedMap<String, String> options) {

    public Settings {
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
      }
      options = new TreeMap<>(options);
    }
  }

  /** How a run ended. */
  public record Outcome(RunStats.Snapshot stats, List<Failure> failures, boolean stopped) {

    /** The process exit status: see the constants. */
    public int exitCode() {
      if (stopped) {
        return EXIT_INTERRUPTED;
      }
      if (stats.failed() == 0) {
        return EXIT_OK;
      }
      return stats.processed() + stats.skipped() > 0 ? EXIT_SOME_FAILED : EXIT_FATAL;
    }
  }

  private final Settings settings;
  private final OutputWriters writers;
  private final RunLog log;
  private final StopSignal stop;
  private final Progress.Mode progressMode;
  private final Duration progressInterval;

  public BatchRunner(
      Settings settings,
      OutputWriters writers,
      RunLog log,
      StopSignal stop,
      Progress.Mode progressMode,
      Duration progressInterval) {
    this.settings = settings;
    this.writers = writers;
    this.log = log;
    this.stop = stop;
    this.progressMode = progressMode;
    this.progressInterval = progressInterval;
  }

  /**
   * Reads every input under {@code arguments} into the output folder.
   *
   * @throws IOException if the output folder cannot be locked or written at all
   */
  public Outcome run(List<Path> arguments) throws IOException {
    Path out = settings.output();
    try (OutputLock lock = OutputLock.acquire(out)) {
      int leftovers = AtomicFiles.removeLeftovers(out);
      if (leftovers > 0) {
        log.info("removed " + leftovers + " partial files left by an interrupted run");
      }
      InputWalker.Walk walk = new InputWalker(out).walk(arguments);
      walk.warnings().forEach(log::warn);
      if (walk.skipped() > 0) {
        log.info(walk.skipped() + " files that are not inputs (other extensions, hidden) skipped");
      }
      if (walk.inputs().isEmpty()) {
        log.warn("no inputs found in " + arguments);
      }
      writers.start();
      // Loaded only now, so that a locked or unwritable folder is reported at once.
      Natives.shareCoresAmong(settings.jobs());
      Natives.keepFreedPageMemory();
      DigitClassifier classifier = settings.model().load();
      String model = settings.model().fingerprint();
      Run run = new Run(walk.inputs(), loadManifest(out), classifier, model);
      try {
        run.execute();
      } finally {
        stop.settled();
      }
      return new Outcome(run.stats.snapshot(), run.failures(), stop.requested());
    }
  }

  private Manifest loadManifest(Path out) {
    try {
      return Manifest.load(out);
    } catch (IOException e) {
      log.warn(e.getMessage() + "; every input will be read again");
      return Manifest.empty(out);
    }
  }

  /** The state of one run. */
  private final class Run {
    private final List<Input> inputs;
    private final Manifest manifest;
    private final DigitClassifier classifier;

    /** The model file's content hash. */
    private final String model;

    private final ResultStore store;
    private final RunStats stats;

    /** Per input index: its page count if its results are in the store. */
    private final Map<Integer, Integer> stored = new ConcurrentSkipListMap<>();

    private final Map<Integer, List<Failure>> failures = new ConcurrentSkipListMap<>();

    /** Every output this run wrote, or kept for an input it skipped. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    /** What earlier runs wrote for the inputs redone now. */
    private final List<String> earlierOutputs = new CopyOnWriteArrayList<>();

    private final BlockingQueue<PageTask> queue;
    private Progress progress;

    Run(List<Input> inputs, Manifest manifest, DigitClassifier classifier, String model) {
      this.inputs = inputs;
      this.manifest = manifest;
      this.classifier = classifier;
      this.model = model;
      this.store = new ResultStore(settings.output());
      this.stats = new RunStats(inputs.size());
      this.queue = new ArrayBlockingQueue<>(2 * settings.jobs());
    }

    void execute() throws IOException {
      try (Progress shown = new Progress(progressMode, stats, log, progressInterval)) {
        progress = shown;
        List<Thread> workers = startWorkers();
        try {
          for (int i = 0; i < inputs.size() && !stop.requested(); i++) {
            feed(i, inputs.get(i));
          }
        } finally {
          for (int i = 0; i < workers.size(); i++) {
            putUninterruptibly(PageTask.END);
          }
          for (Thread worker : workers) {
            joinUninterruptibly(worker);
          }
        }
      }
      removeStaleOutputs();
      manifest.save();
      writeAggregates();
    }

    /** Opens an input and queues its pages, or settles it at once (skipped, failed). */
    private void feed(int index, Input input) {
      String name = input.name();
      if (input.isRejected()) {
        ErrorKind kind =
            Files.exists(input.file()) || Files.isSymbolicLink(input.file())
                ? ErrorKind.UNREADABLE
                : ErrorKind.NOT_FOUND;
        fail(index, new InputException(input.file().toString(), kind, input.rejection()));
        return;
      }
      String hash;
      try {
        hash = ContentHash.of(input.file());
      } catch (IOException e) {
        fail(
            index,
            new InputException(input.file().toString(), ErrorKind.UNREADABLE, e.getMessage()));
        return;
      }
      if (!settings.force() && manifest.isDone(name, entry(hash, List.of()))) {
        try {
          stored.put(index, store.read(name).size());
          claimed.addAll(manifest.entry(name).outputs());
          stats.skipped.incrementAndGet();
          log.detail(name + ": unchanged, skipped");
          progress.update();
          return;
        } catch (IOException e) {
          log.warn(name + ": stored results unreadable, reading it again (" + e.getMessage() + ")");
        }
      }
      InputJob job;
      try {
        job = new InputJob(index, input, hash, PageLoader.open(input.file(), settings.load()));
      } catch (InputException e) {
        fail(index, e);
        return;
      } catch (RuntimeException e) {
        // A loader bug on one strange file must not end the whole batch.
        fail(
            index, new InputException(input.file().toString(), ErrorKind.UNREADABLE, e.toString()));
        return;
      }
      for (int page = 1; page <= job.pageCount(); page++) {
        if (stop.requested()) {
          if (job.discard(job.pageCount() - page + 1)) {
            settle(job);
          }
          return;
        }
        putUninterruptibly(new PageTask(job, page));
      }
    }

    private List<Thread> startWorkers() {
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < settings.jobs(); i++) {
        PageReader reader = new PageReader(classifier.copy(), settings.read());
        Thread worker = new Thread(() -> work(reader), "worker-" + (i + 1));
        worker.start();
        workers.add(worker);
      }
      return workers;
    }

    private void work(PageReader reader) {
      Natives.runOpenMpLoopsOnThisThread();
      for (PageTask task = takeUninterruptibly();
          task != PageTask.END;
          task = takeUninterruptibly()) {
        InputJob job = task.job();
        boolean last = stop.requested() ? job.discard(1) : readPage(reader, job, task.page());
        if (last) {
          settle(job);
        }
      }
    }

    /**
     * @return whether this was the input's last page
     */
    private boolean readPage(PageReader reader, InputJob job, int number) {
      String name = job.input.name();
      PageOutcome outcome =
          PageOutcome.read(
              reader,
              name,
              job,
              number,
              (result, page) ->
                  job.written(writers.writePage(job.input, job.pageCount(), result, page)));
      if (outcome.failure() != null) {
        log.error(outcome.failure().message());
        return job.failed(outcome.failure());
      }
      PageResult result = outcome.result();
      if (stats.pages.incrementAndGet() % COLLECT_EVERY_PAGES == 0) {
        collectUnreleasedPixels();
      }
      stats.digits.addAndGet(result.digits().size());
      stats.uncertain.addAndGet(result.uncertainDigits());
      for (String warning : result.warnings()) {
        log.warn(name + pageLabel(job, number) + ": " + warning);
      }
      progress.update();
      return job.read(result);
    }

    /** Called once per opened input, by whichever thread finished its last page. */
    private void settle(InputJob job) {
      job.close();
      String name = job.input.name();
      if (job.isDiscarded()) {
        abandon(job);
        for (String file : job.outputs()) {
          deleteQuietly(file);
        }
        return;
      }
      List<PageResult> pages = job.results();
      List<Failure> pageFailures = new ArrayList<>(job.failures());
      if (!pages.isEmpty()) {
        writeInput(job, pages, pageFailures);
      }
      if (pageFailures.isEmpty()) {
        stats.processed.incrementAndGet();
        log.detail(name + ": " + summary(pages));
      } else {
        failures.put(job.index, pageFailures);
        stats.failed.incrementAndGet();
      }
      progress.update();
    }

    /** Writes an input's own files and records it; a failure to write joins {@code failures}. */
    private void writeInput(InputJob job, List<PageResult> pages, List<Failure> pageFailures) {
      String name = job.input.name();
      try {
        List<String> outputs = new ArrayList<>(job.outputs());
        outputs.addAll(writers.writeInput(job.input, job.pageCount(), pages));
        outputs.add(store.write(name, pages));
        claimed.addAll(outputs);
        Manifest.Entry earlier = manifest.entry(name);
        if (earlier != null) {
          earlierOutputs.addAll(earlier.outputs());
        }
        stored.put(job.index, job.pageCount());
        if (pageFailures.isEmpty()) {
          manifest.record(name, entry(job.contentHash, outputs));
          manifest.saveIfDue();
        }
      } catch (IOException | RuntimeException e) {
        String message = name + ": outputs cannot be written (" + e.getMessage() + ")";
        log.error(message);
        pageFailures.add(new Failure(name, 0, PageOutcome.WRITE_FAILED, message));
      }
    }

    private void abandon(InputJob job) {
      try {
        writers.abandon(job.input, job.pageCount());
      } catch (IOException e) {
        log.warn(job.input.name() + ": cannot clear what was held for it (" + e.getMessage() + ")");
      }
    }

    /**
     * Deletes what earlier runs wrote for the inputs redone now that no input wrote again (a page
     * that a changed input no longer has). Done once all workers are finished: until then, another
     * input may still be about to write the same file.
     */
    private void removeStaleOutputs() {
      earlierOutputs.stream()
          .filter(file -> !claimed.contains(file))
          .distinct()
          .forEach(this::deleteQuietly);
    }

    private void fail(int index, InputException e) {
      log.error(e.getMessage());
      failures.put(
          index,
          List.of(new Failure(inputs.get(index).name(), 0, e.kind().name(), e.getMessage())));
      stats.failed.incrementAndGet();
      progress.update();
    }

    List<Failure> failures() {
      return failures.values().stream().flatMap(List::stream).toList();
    }

    private void writeAggregates() throws IOException {
      List<Failure> all = failures();
      writers.writeAggregates(this::storedPages, stats.snapshot(), all);
      ErrorsCsvWriter.write(settings.output(), all);
      ReviewPageWriter.write(settings.output(), stats.snapshot().summary(), reviewViews(), all);
    }

    /** One input's pages in memory at a time. */
    private Iterator<PageResult> storedPages() {
      return stored.keySet().stream().flatMap(index -> readStored(index).stream()).iterator();
    }

    private Iterator<ReviewPageWriter.InputView> reviewViews() {
      Set<Integer> shown = new TreeSet<>(stored.keySet());
      shown.addAll(failures.keySet());
      Iterator<Integer> indexes = shown.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return indexes.hasNext();
        }

        @Override
        public ReviewPageWriter.InputView next() {
          int index = indexes.next();
          Input input = inputs.get(index);
          List<PageResult> pages = stored.containsKey(index) ? readStored(index) : List.of();
          int pageCount = stored.getOrDefault(index, 0);
          List<String> images =
              pages.stream().map(p -> writers.pageImage(input, pageCount, p.page())).toList();
          return new ReviewPageWriter.InputView(
              input.name(), pages, images, failures.getOrDefault(index, List.of()));
        }
      };
    }

    private List<PageResult> readStored(int index) {
      try {
        return store.read(inputs.get(index).name());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private Manifest.Entry entry(String contentHash, List<String> outputs) {
      return new Manifest.Entry(contentHash, model, settings.options(), outputs);
    }

    private void deleteQuietly(String relative) {
      try {
        Files.deleteIfExists(settings.output().resolve(relative));
      } catch (IOException e) {
        log.warn("cannot delete " + relative + " (" + e.getMessage() + ")");
      }
    }

    private void putUninterruptibly(PageTask task) {
      while (true) {
        try {
          queue.put(task);
          return;
        } catch (InterruptedException e) {
          // Stopping is asked for through the stop signal; a queued page is never dropped.
        }
      }
    }

    private PageTask takeUninterruptibly() {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          // As above.
        }
      }
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        // Workers finish their page first.
      }
    }
  }

  /**
   * OpenCV Mats that a stage forgot to release keep their pixels (megabytes, outside the Java heap)
   * until the garbage collector finds them unreachable and their finalizers run. The collector
   * cannot see that native weight: with a large heap it left them for hundreds of pages, and the
   * process grew by about 1 MB per page (1.26 GB after 820 A4 pages, 0.81 GB after one full
   * collection). A collection every so many pages bounds that at a cost of well under 1%.
   */
  private static void collectUnreleasedPixels() {
    System.gc();
    System.runFinalization();
  }

  private static String pageLabel(InputJob job, int page) {
    return job.pageCount() > 1 ? ": page " + page : "";
  }

  private static String summary(List<PageResult> pages) {
    long digits = pages.stream().mapToLong(p -> p.digits().size()).sum();
    long uncertain = pages.stream().mapToLong(PageResult::uncertainDigits).sum();
    return pages.size()
        + (pages.size() == 1 ? " page, " : " pages, ")
        + digits
        + " digits ("
        + uncertain
        + " uncertain)";
  }

  /** A page waiting for a worker. */
  private record PageTask(InputJob job, int page) {
    static final PageTask END = new PageTask(null, 0);
  }
}
