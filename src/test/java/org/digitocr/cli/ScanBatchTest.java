package org.digitocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.digitocr.batch.DigitPages;
import org.digitocr.batch.OutputLock;
import org.digitocr.page.HostileFiles;
import org.digitocr.runtime.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} as a nightly batch: bad inputs reported and skipped, reruns that skip what is done,
 * a locked output folder, runs killed or interrupted midway, the review page.
 */
class ScanBatchTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  /** Good inputs, named with spaces and non-ASCII characters. */
  private static final List<String> GOOD =
      List.of("good 1.png", "sub dir/Zählerstand – 2.jpg", "two pages.tif");

  /** Every bad input and the error kind it must be reported with. */
  private static final Map<String, String> BAD = new TreeMap<>();

  private static Path inputs;

  @BeforeAll
  static void inputs() throws Exception {
    Natives.loadOpenCv();
    inputs = shared.resolve("night scans");
    DigitPages.write(inputs.resolve(GOOD.get(0)), 1, 2);
    DigitPages.write(inputs.resolve(GOOD.get(1)), 2, 1);
    DigitPages.writeTiff(inputs.resolve(GOOD.get(2)), 3, 2);
    bad("zero.png", "EMPTY", new byte[0]);
    bad("truncated.png", "TRUNCATED", HostileFiles.truncated(HostileFiles.image("png", 300, 200)));
    bad("truncated.jpg", "TRUNCATED", HostileFiles.truncated(HostileFiles.image("jpeg", 300, 200)));
    bad("notes.png", "NOT_AN_IMAGE", "12 34 56\n".getBytes(StandardCharsets.UTF_8));
    bad(
        "broken.pdf",
        "BROKEN_PDF",
        "%PDF-1.7\n1 0 obj << /Type /Cat".getBytes(StandardCharsets.UTF_8));
    bad("bomb.png", "TOO_LARGE", HostileFiles.pngClaiming(50_000, 50_000));
    BAD.put("locked.pdf", "ENCRYPTED_PDF");
    try (PDDocument pdf = new PDDocument()) {
      pdf.addPage(new PDPage());
      pdf.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
      pdf.save(inputs.resolve("locked.pdf").toFile());
    }
    // As root, chmod 000 does not stop reading; a dangling link and a FIFO are unreadable for all.
    BAD.put("dangling.png", "UNREADABLE");
    Files.createSymbolicLink(inputs.resolve("dangling.png"), inputs.resolve("gone.png"));
    BAD.put("fifo.png", "UNREADABLE");
    Process mkfifo = new ProcessBuilder("mkfifo", inputs.resolve("fifo.png").toString()).start();
    assertEquals(0, mkfifo.waitFor(), "mkfifo");
    Files.createSymbolicLink(inputs.resolve("sub dir/loop"), inputs);
  }

  private static void bad(String name, String kind, byte[] content) throws IOException {
    BAD.put(name, kind);
    Files.write(inputs.resolve(name), content);
  }

  @Test
  void badInputsAreReportedAndTheRestIsReadThenARerunSkipsWhatIsDone() throws Exception {
    Path out = dir.resolve("out");
    Path log = dir.resolve("scan.log");

    CliRun first = scan(out, "--jobs", "2", "--log-file", log.toString());

    assertEquals(1, first.exitCode(), first.err());
    Map<String, String> reported = new TreeMap<>();
    for (String row : Files.readAllLines(out.resolve("errors.csv")).subList(1, BAD.size() + 1)) {
      String[] cells = row.split(",");
      reported.put(cells[0], cells[2]);
    }
    assertEquals(BAD, reported);
    assertEquals(BAD.size() + 1, Files.readAllLines(out.resolve("errors.csv")).size());
    assertEquals(GOOD, filesIn(out.resolve("digits.csv")));
    String logText = Files.readString(log);
    assertTrue(logText.contains("symbolic link loop"), logText);
    assertTrue(logText.contains("3 processed, 0 skipped (unchanged), 9 failed"), logText);
    assertTrue(Files.exists(out.resolve("sub dir/Zählerstand – 2.jpg.p1.png")));
    assertEquals(List.of(), temporaryFiles(out));
    assertEquals(inputNames(), reviewedInputs(out));

    String digits = Files.readString(out.resolve("digits.csv"));
    CliRun rerun = scan(out, "--jobs", "1", "--log-file", log.toString());
    assertEquals(1, rerun.exitCode());
    assertTrue(
        Files.readString(log).contains("0 processed, 3 skipped (unchanged), 9 failed"),
        Files.readString(log));
    assertEquals(digits, Files.readString(out.resolve("digits.csv")));
    assertEquals(inputNames(), reviewedInputs(out));
  }

  @Test
  void aChangedInputIsReadAgainAndForceRedoesEverything() throws Exception {
    Path scans = dir.resolve("scans");
    DigitPages.write(scans.resolve("a.png"), 1, 1);
    DigitPages.write(scans.resolve("b.png"), 2, 1);
    Path out = dir.resolve("out");
    Path log = dir.resolve("scan.log");
    assertEquals(0, scan(scans, out, "--log-file", log.toString()).exitCode());

    DigitPages.write(scans.resolve("b.png"), 3, 2);
    assertEquals(0, scan(scans, out, "--log-file", log.toString()).exitCode());
    assertEquals(0, scan(scans, out, "--log-file", log.toString(), "--force").exitCode());

    List<String> summaries =
        Files.readAllLines(log).stream().filter(l -> l.contains(" processed, ")).toList();
    assertEquals(3, summaries.size());
    assertTrue(summaries.get(1).contains("1 processed, 1 skipped (unchanged)"), summaries.get(1));
    assertTrue(summaries.get(2).contains("2 processed, 0 skipped"), summaries.get(2));
  }

  @Test
  void fatalProblemsAndUsageErrorsHaveTheirExitStatus() throws Exception {
    Path file = Files.writeString(dir.resolve("a file"), "x");
    CliRun unwritable = scan(file.resolve("out"));
    assertEquals(3, unwritable.exitCode());
    assertTrue(
        unwritable.err().contains("output folder " + file.resolve("out") + " is not writable"),
        unwritable.err());

    Path onlyBad = Files.createDirectories(dir.resolve("only bad"));
    Files.write(onlyBad.resolve("zero.png"), new byte[0]);
    assertEquals(3, scan(onlyBad, dir.resolve("out")).exitCode(), "nothing could be read");

    CliRun noModel = scan(dir.resolve("out"), "--model", dir.resolve("none.zip").toString());
    assertEquals(3, noModel.exitCode());
    assertTrue(noModel.err().contains("model not found"), noModel.err());

    assertEquals(2, scan(dir.resolve("out"), "--jobs", "0").exitCode());
    assertEquals(2, scan(dir.resolve("out"), "--quiet", "--verbose").exitCode());
    assertEquals(2, scan(dir.resolve("out"), "--format", "docx").exitCode());
  }

  @Test
  void maxPixelsFromTheCommandLineRefusesLargerPagesAndMustBePositive() throws Exception {
    Path scans = dir.resolve("scans");
    DigitPages.write(scans.resolve("a.png"), 1, 1);
    Path out = dir.resolve("out");

    CliRun refused = scan(scans, out, "--max-pixels", "10000", "--format", "csv", "--quiet");

    assertEquals(3, refused.exitCode(), "nothing could be read");
    List<String> errors = Files.readAllLines(out.resolve("errors.csv"));
    assertEquals(2, errors.size(), errors.toString());
    assertEquals("TOO_LARGE", errors.get(1).split(",")[2], errors.get(1));
    assertTrue(errors.get(1).contains("limit 10000"), errors.get(1));
    assertEquals(2, scan(scans, out, "--max-pixels", "0").exitCode());
  }

  @Test
  void aSecondRunOnALockedFolderFailsAtOnce() throws Exception {
    Path out = dir.resolve("out");
    try (OutputLock held = OutputLock.acquire(out)) {
      Path log = dir.resolve("second.log");
      int status =
          CliProcess.run(log, "scan", inputs.toString(), "--output", out.toString(), "--quiet");
      assertEquals(3, status);
      // One line and nothing else: refused before the model or any native library was loaded.
      List<String> message = Files.readAllLines(log);
      assertEquals(1, message.size(), message.toString());
      assertTrue(
          message
              .get(0)
              .startsWith(
                  "digit-ocr: output folder "
                      + out
                      + " is in use by another digit-ocr run (pid "
                      + ProcessHandle.current().pid()
                      + ")"),
          message.get(0));
      assertFalse(Files.exists(out.resolve("manifest.json")));
    }
  }

  @Test
  void aRunKilledMidwayAndRunAgainEndsWithTheOutputsOfAnUninterruptedRun() throws Exception {
    Path scans = manyPages(dir.resolve("scans"), 24);
    Path clean = dir.resolve("clean");
    assertEquals(0, scan(scans, clean, "--jobs", "2").exitCode());

    Path killed = dir.resolve("killed");
    Process run = startScan(scans, killed, "--jobs", "2");
    waitForResults(killed, 3, run);
    assertTrue(run.isAlive(), "the run ended before it could be killed; give it more pages");
    run.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean-up
    assertTrue(countResults(killed) < 25, "killed before the end");

    assertEquals(0, scan(scans, killed, "--jobs", "1").exitCode());
    assertSameOutputs(clean, killed);
  }

  @Test
  void ctrlCStopsCleanlyAndTheNextRunFinishesTheJob() throws Exception {
    Path scans = manyPages(dir.resolve("scans"), 24);
    Path out = dir.resolve("out");
    Process run = startScan(scans, out, "--jobs", "2");
    waitForResults(out, 2, run);
    assumeTrue(!ignoresSigint(run), "this test's JVM was started with SIGINT ignored");
    assertEquals(
        0, new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor());
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "stopped within the grace period");

    assertEquals(130, run.exitValue());
    assertEquals(List.of(), temporaryFiles(out));
    List<String> done = filesIn(out.resolve("digits.csv"));
    assertTrue(done.size() < 25, "stopped before the end: " + done.size());
    assertEquals(done.size(), countResults(out), "every input in digits.csv is complete");

    Path clean = dir.resolve("clean");
    assertEquals(0, scan(scans, clean, "--jobs", "2").exitCode());
    assertEquals(0, scan(scans, out, "--jobs", "2").exitCode());
    assertSameOutputs(clean, out);
  }

  private static boolean ignoresSigint(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }

  private static Path manyPages(Path folder, int count) throws IOException {
    for (int i = 1; i < count; i++) {
      DigitPages.write(folder.resolve(String.format("page %02d.png", i)), i, 3);
    }
    DigitPages.writeTiff(folder.resolve("three pages.tif"), 100, 3);
    return folder;
  }

  private Process startScan(Path scans, Path out, String... options) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("scan", scans.toString(), "--output", out.toString()));
    args.addAll(List.of(options));
    return CliProcess.start(dir.resolve(out.getFileName() + ".log"), args.toArray(String[]::new));
  }

  /** Waits until {@code count} inputs are complete (their stored results written). */
  private static void waitForResults(Path out, int count, Process run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (countResults(out) < count && run.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static long countResults(Path out) throws IOException {
    Path results = out.resolve(".digit-ocr/results");
    if (!Files.isDirectory(results)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(results)) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    }
  }

  /**
   * Every file the same, but for what records the run itself: report.json and the review page's
   * summary line (times, and processed versus skipped counts) and the lock file's pid.
   */
  private static void assertSameOutputs(Path expected, Path actual) throws IOException {
    List<String> files = outputFiles(expected);
    assertEquals(files, outputFiles(actual));
    for (String file : files) {
      if (file.equals("index.html")) {
        assertEquals(withoutSummary(expected.resolve(file)), withoutSummary(actual.resolve(file)));
      } else if (!file.equals("report.json") && !file.equals(OutputLock.FILE_NAME)) {
        assertEquals(-1L, Files.mismatch(expected.resolve(file), actual.resolve(file)), file);
      }
    }
  }

  private static String withoutSummary(Path html) throws IOException {
    return Files.readString(html).replaceAll("<p class=\"summary\">.*</p>", "");
  }

  private static List<String> outputFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> out.relativize(file).toString())
          .sorted()
          .toList();
    }
  }

  private static List<String> temporaryFiles(Path out) throws IOException {
    return outputFiles(out).stream()
        .filter(f -> Path.of(f).getFileName().toString().startsWith(".partial-"))
        .toList();
  }

  /** The distinct file names in a CSV's first column, in order. */
  private static List<String> filesIn(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .skip(1)
        .map(
            row -> row.startsWith("\"") ? row.substring(1, row.indexOf('"', 1)) : row.split(",")[0])
        .distinct()
        .toList();
  }

  private static List<String> inputNames() {
    List<String> all = new ArrayList<>(GOOD);
    all.addAll(BAD.keySet());
    all.sort(null);
    return all;
  }

  /** The inputs index.html shows once Chromium has rendered it, sorted. */
  private static List<String> reviewedInputs(Path out) throws Exception {
    String dom = org.digitocr.output.Chromium.dumpDom(out.resolve("index.html"));
    List<String> shown = new ArrayList<>();
    Matcher section =
        Pattern.compile("<section class=\"input[^\"]*\" id=\"input-\\d+\" data-file=\"([^\"]*)\"")
            .matcher(dom);
    while (section.find()) {
      shown.add(section.group(1));
    }
    shown.sort(null);
    return shown;
  }

  private static CliRun scan(Path out, String... options) {
    return scan(inputs, out, options);
  }

  private static CliRun scan(Path scans, Path out, String... options) {
    List<String> args =
        new ArrayList<>(List.of("scan", scans.toString(), "--output", out.toString()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }
}
