package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.digitocr.model.ModelChoice;
import org.digitocr.output.OutputFormat;
import org.digitocr.output.Transcript;
import org.digitocr.page.LoadOptions;
import org.digitocr.pipeline.ReadOptions;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
  @TempDir Path dir;

  @BeforeAll
  static void openCv() {
    Natives.loadOpenCv();
  }

  @Test
  void theOutputsAreTheSameWhateverTheNumberOfWorkersAndFailuresAreListed() throws Exception {
    Path scans = dir.resolve("scans");
    for (int i = 1; i <= 4; i++) {
      DigitPages.write(scans.resolve("page " + i + ".png"), i, 1 + i % 3);
    }
    DigitPages.writeTiff(scans.resolve("form.tif"), 10, 3);
    DigitPages.write(scans.resolve("form.png"), 20, 1);
    Files.write(scans.resolve("empty.png"), new byte[0]);
    Files.writeString(scans.resolve("notes.png"), "12 34 56\n");

    BatchRunner.Outcome one = run(scans, dir.resolve("one"), 1, false);
    BatchRunner.Outcome two = run(scans, dir.resolve("two"), 2, false);

    assertEquals(List.of(6L, 2L), List.of(one.stats().processed(), one.stats().failed()));
    assertEquals(BatchRunner.EXIT_SOME_FAILED, one.exitCode());
    assertEquals(
        List.of("empty.png EMPTY", "notes.png NOT_AN_IMAGE"),
        one.failures().stream().map(f -> f.file() + " " + f.kind()).toList());
    List<String> files = outputFiles(dir.resolve("one"));
    assertEquals(files, outputFiles(dir.resolve("two")));
    for (String file : files) {
      if (!file.equals("index.html") && !file.equals("report.json")) {
        assertEquals(
            -1L,
            Files.mismatch(dir.resolve("one").resolve(file), dir.resolve("two").resolve(file)),
            file + " differs between --jobs 1 and --jobs 2");
      }
    }
    assertTrue(
        files.containsAll(
            List.of(
                "form.png.p1.png",
                "form.png.txt",
                "form.tif.p1.png",
                "form.tif.p3.png",
                "form.tif.ocr.pdf",
                "form.tif.txt",
                "page 1.png.p1.png",
                "digits.csv",
                "lines.csv",
                "errors.csv",
                "report.json")),
        files.toString());
    List<String> digitsRows = Files.readAllLines(dir.resolve("one/digits.csv"));
    assertEquals(
        List.of("form.png", "form.tif", "page 1.png", "page 2.png", "page 3.png", "page 4.png"),
        digitsRows.stream()
            .skip(1)
            .map(row -> row.substring(0, row.indexOf(',')))
            .distinct()
            .toList());
  }

  @Test
  void aRerunSkipsUnchangedInputsAndRedoesChangedOnes() throws Exception {
    Path scans = dir.resolve("scans");
    for (int i = 1; i <= 3; i++) {
      DigitPages.write(scans.resolve(i + ".png"), i, 1);
    }
    DigitPages.writeTiff(scans.resolve("4.tif"), 4, 3);
    Path out = dir.resolve("out");
    run(scans, out, 2, false);
    String first = Files.readString(out.resolve("digits.csv"));

    BatchRunner.Outcome rerun = run(scans, out, 2, false);
    assertEquals(List.of(0L, 4L), List.of(rerun.stats().processed(), rerun.stats().skipped()));
    assertEquals(first, Files.readString(out.resolve("digits.csv")));

    DigitPages.write(scans.resolve("2.png"), 99, 2);
    DigitPages.writeTiff(scans.resolve("4.tif"), 4, 2);
    BatchRunner.Outcome changed = run(scans, out, 2, false);
    assertEquals(List.of(2L, 2L), List.of(changed.stats().processed(), changed.stats().skipped()));
    assertTrue(Files.exists(out.resolve("4.tif.p2.png")));
    assertFalse(Files.exists(out.resolve("4.tif.p3.png")), "the page 4.tif no longer has");
    assertEquals(
        2,
        Files.readString(out.resolve("4.tif.txt"))
            .split(String.valueOf(Transcript.PAGE_BREAK))
            .length);

    BatchRunner.Outcome forced = run(scans, out, 2, true);
    assertEquals(4, forced.stats().processed());
  }

  private static List<String> outputFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> out.relativize(file).toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .toList();
    }
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
            ModelChoice.shipped(),
            new TreeMap<>());
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (RunLog log =
        new RunLog(
            RunLog.Verbosity.NORMAL,
            new PrintStream(console, true, StandardCharsets.UTF_8),
            null)) {
      return new BatchRunner(
              settings,
              new ScanOutputs(out, OutputFormat.ALL, 300, Map.of()),
              log,
              StopSignal.none(),
              Progress.Mode.NONE,
              Duration.ofSeconds(10))
          .run(List.of(input));
    }
  }
}
