package org.digitocr.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
  @TempDir Path dir;

  private final Manifest.Entry done =
      new Manifest.Entry(
          "aa11",
          "model-1",
          new TreeMap<>(java.util.Map.of("dpi", "300", "min-confidence", "0.6")),
          List.of("form 1.txt", "form 1-page-1.png"));

  @Test
  void aFinishedInputIsDoneOnTheNextRunWithTheSameHashModelAndOptions() throws IOException {
    writeOutputs();
    Manifest manifest = Manifest.load(dir);
    assertFalse(manifest.isDone("scans/form 1.png", done));
    manifest.record("scans/form 1.png", done);
    manifest.save();

    Manifest rerun = Manifest.load(dir);
    assertTrue(rerun.isDone("scans/form 1.png", done));
    assertEquals(done, rerun.entry("scans/form 1.png"));
    assertFalse(rerun.isDone("scans/form 2.png", done));
    assertFalse(rerun.isDone("scans/form 1.png", withHash("bb22")), "changed input");
    assertFalse(
        rerun.isDone(
            "scans/form 1.png",
            new Manifest.Entry("aa11", "model-2", done.options(), done.outputs())),
        "other model");
    TreeMap<String, String> otherDpi = new TreeMap<>(done.options());
    otherDpi.put("dpi", "200");
    assertFalse(
        rerun.isDone(
            "scans/form 1.png", new Manifest.Entry("aa11", "model-1", otherDpi, List.of())),
        "other options");
  }

  @Test
  void anInputWhoseOutputWasDeletedIsNotDone() throws IOException {
    writeOutputs();
    Manifest manifest = Manifest.load(dir);
    manifest.record("form 1.png", done);
    Files.delete(dir.resolve("form 1-page-1.png"));
    assertFalse(manifest.isDone("form 1.png", done));
  }

  @Test
  void savesAreThrottledAndOnlyWhatWasSavedSurvivesACrash() throws IOException {
    Manifest manifest = Manifest.load(dir);
    manifest.record("a.png", done);
    manifest.save();
    manifest.record("b.png", withHash("bb22"));
    manifest.saveIfDue(); // just saved: not due yet

    Manifest afterCrash = Manifest.load(dir);
    assertEquals(done, afterCrash.entry("a.png"));
    assertEquals(null, afterCrash.entry("b.png"));
    String json = Files.readString(dir.resolve(Manifest.FILE_NAME));
    assertTrue(json.indexOf("\"dpi\"") < json.indexOf("\"min-confidence\""), json);
  }

  @Test
  void aDamagedManifestIsReportedByName() throws IOException {
    Files.writeString(dir.resolve(Manifest.FILE_NAME), "{\"version\":2,\"inputs\":{");
    IOException e = assertThrows(IOException.class, () -> Manifest.load(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve(Manifest.FILE_NAME) + ": "), e.getMessage());
  }

  @Test
  void aManifestOfAnEarlierVersionIsReportedAsSuch() throws IOException {
    Files.writeString(
        dir.resolve(Manifest.FILE_NAME),
        "{\"version\":1,\"inputs\":{\"a.png\":{\"sha256\":\"aa11\",\"model\":\"m\","
            + "\"options\":{},\"outputs\":[]}}}");
    IOException e = assertThrows(IOException.class, () -> Manifest.load(dir));
    assertEquals(
        dir.resolve(Manifest.FILE_NAME) + ": written by an earlier digit-ocr (manifest version 1)",
        e.getMessage());
  }

  private Manifest.Entry withHash(String hash) {
    return new Manifest.Entry(hash, done.model(), done.options(), done.outputs());
  }

  private void writeOutputs() throws IOException {
    for (String output : done.outputs()) {
      Files.writeString(dir.resolve(output), "x");
    }
  }
}
