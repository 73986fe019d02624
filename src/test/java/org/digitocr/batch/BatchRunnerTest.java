package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.digitocr.model.DigitClassifier;
import org.digitocr.model.ModelStore;
import org.digitocr.output.AtomicFiles;
import org.digitocr.output.Failure;
import org.digitocr.page.LoadOptions;
import org.digitocr.pipeline.PageResult;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class BatchRunnerTest {
  private static DigitClassifier classifier;
  @TempDir Path dir;

  @BeforeAll
  static void model() throws IOException {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    classifier = ModelStore.load(ModelStore.defaultModel());
  }

  @Test
  void theAggregatesAreTheSameWhateverTheNumberOfWorkersAndFailuresAreListed() throws Exception {
    Path scans = dir.resolve("scans");
    for (int i = 1; i <= 6; i++) {
      DigitPages.write(scans.resolve("page " + i + ".png"), i, 1 + i % 3);
    }
    Files.write(scans.resolve("empty.png"), new byte[0]);
    Files.writeString(scans.resolve("notes.png"), "12 34 56\n");

    BatchRunner.Outcome one = run(scans, dir.resolve("one"), 1, false);
    BatchRunner.Outcome two = run(scans, dir.resolve("two"), 2, false);

    assertEquals(6, one.stats().processed());
    assertEquals(2, one.stats().failed());
    assertEquals(BatchRunner.EXIT_SOME_FAILED, one.exitCode());
    assertEquals(
        List.of("empty.png EMPTY", "notes.png NOT_AN_IMAGE"),
        one.failures().stream().map(f -> f.file() + " " + f.kind()).toList());
    String aggregate = Files.readString(dir.resolve("one/pages.txt"));
    assertEquals(aggregate, Files.readString(dir.resolve("two/pages.txt")));
    assertEquals(
        List.of(
            "page 1.png 1",
            "page 2.png 1",
            "page 3.png 1",
            "page 4.png 1",
            "page 5.png 1",
            "page 6.png 1"),
        aggregate.lines().map(l -> l.substring(0, l.indexOf(':'))).toList());
    assertEquals(
        Files.readString(dir.resolve("one/errors.csv")),
        Files.readString(dir.resolve("two/errors.csv")));
  }

  @Test
  void aRerunSkipsUnchangedInputsAndRedoesChangedOnes() throws Exception {
    Path scans = dir.resolve("scans");
    for (int i = 1; i <= 3; i++) {
      DigitPages.write(scans.resolve(i + ".png"), i, 1);
    }
    Path out = dir.resolve("out");
    run(scans, out, 2, false);
    String first = Files.readString(out.resolve("pages.txt"));

    BatchRunner.Outcome rerun = run(scans, out, 2, false);
    assertEquals(List.of(0L, 3L), List.of(rerun.stats().processed(), rerun.stats().skipped()));
    assertEquals(first, Files.readString(out.resolve("pages.txt")));

    DigitPages.write(scans.resolve("2.png"), 99, 2);
    BatchRunner.Outcome changed = run(scans, out, 2, false);
    assertEquals(List.of(1L, 2L), List.of(changed.stats().processed(), changed.stats().skipped()));
    assertTrue(Files.readString(out.resolve("pages.txt")).contains("2.png 1: "));

    BatchRunner.Outcome forced = run(scans, out, 2, true);
    assertEquals(3, forced.stats().processed());
  }

  private BatchRunner.Outcome run(Path input, Path out, int jobs, boolean force)
      throws IOException {
    BatchRunner.Settings settings =
        new BatchRunner.Settings(
            out,
            jobs,
            force,
            LoadOptions.DEFAULT,
            ReadOptions.DEFAULT,
            "test-model",
            new TreeMap<>());
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (RunLog log =
        new RunLog(
            RunLog.Verbosity.NORMAL,
            new PrintStream(console, true, StandardCharsets.UTF_8),
            null)) {
      return new BatchRunner(
              settings,
              classifier,
              new TranscriptWriters(out),
              log,
              StopSignal.none(),
              Progress.Mode.NONE,
              Duration.ofSeconds(10))
          .run(List.of(input));
    }
  }

  /** Writes a transcript per page and per input, and all transcripts in one file. */
  private record TranscriptWriters(Path out) implements OutputWriters {
    @Override
    public List<String> writePage(Input input, int pageCount, PageResult page, Mat image)
        throws IOException {
      String name = input.name() + "." + page.page() + ".txt";
      AtomicFiles.writeString(out.resolve(name), String.join("\n", page.transcript()));
      return List.of(name);
    }

    @Override
    public List<String> writeInput(Input input, int pageCount, List<PageResult> pages)
        throws IOException {
      String name = input.name() + ".txt";
      List<String> text = new ArrayList<>();
      pages.forEach(p -> text.addAll(p.transcript()));
      AtomicFiles.writeString(out.resolve(name), String.join("\n", text));
      return List.of(name);
    }

    @Override
    public String pageImage(Input input, int pageCount, int page) {
      return null;
    }

    @Override
    public void writeAggregates(
        Iterable<PageResult> pages, RunStats.Snapshot stats, List<Failure> failures)
        throws IOException {
      StringBuilder all = new StringBuilder();
      for (PageResult page : pages) {
        all.append(page.file()).append(' ').append(page.page()).append(": ");
        all.append(String.join(" / ", page.transcript())).append('\n');
      }
      AtomicFiles.writeString(out.resolve("pages.txt"), all.toString());
    }
  }
}
