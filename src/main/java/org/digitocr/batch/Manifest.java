package org.digitocr.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.digitocr.output.AtomicFiles;

/**
 * What earlier runs finished in an output folder: per input name, the content hash, the model and
 * options it was read with, and the outputs written for it (relative to the folder). A rerun skips
 * an input whose entry still matches and whose outputs all still exist.
 *
 * <p>An entry is recorded only after all of its input's outputs are in place, and the file is
 * replaced atomically, so after a crash it never claims more than was done. Saving is throttled:
 * rewriting it after each of thousands of inputs would cost more than the inputs; a crash before
 * the next save only means redoing the inputs finished since the last one.
 */
public final class Manifest {
  public static final String FILE_NAME = "manifest.json";

  /** 2: inputs are identified by {@link org.digitocr.util.ContentHash} instead of SHA-256. */
  private static final int FORMAT_VERSION = 2;

  private static final long SAVE_INTERVAL_NANOS = 2_000_000_000L;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * @param contentHash the input file's {@link org.digitocr.util.ContentHash}
   * @param model the model file's content hash
   * @param options the settings that change what is written for an input
   * @param outputs files written for the input, relative to the output folder, {@code /}-separated;
   *     kept sorted, so that the manifest does not depend on which worker finished first
   */
  public record Entry(
      String contentHash, String model, SortedMap<String, String> options, List<String> outputs) {
    public Entry {
      options = new TreeMap<>(options);
      outputs = outputs.stream().sorted().toList();
    }

    boolean sameWork(Entry other) {
      return contentHash.equals(other.contentHash)
          && model.equals(other.model)
          && options.equals(other.options);
    }
  }

  /** The file's layout on disk. */
  record Stored(int version, SortedMap<String, Entry> inputs) {}

  private final Path dir;
  private final SortedMap<String, Entry> entries;
  private boolean dirty;
  private long lastSave = System.nanoTime();

  private Manifest(Path dir, SortedMap<String, Entry> entries) {
    this.dir = dir;
    this.entries = entries;
  }

  /**
   * Reads the manifest of an output folder; an absent one is empty.
   *
   * @throws IOException if it exists but cannot be read or parsed
   */
  public static Manifest load(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return empty(dir);
    }
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      int version = tree.path("version").asInt(-1);
      if (version != FORMAT_VERSION) {
        throw new IOException(
            file
                + (version >= 1 && version < FORMAT_VERSION
                    ? ": written by an earlier digit-ocr (manifest version " + version + ")"
                    : ": unknown manifest version " + tree.path("version")));
      }
      Stored stored = JSON.treeToValue(tree, Stored.class);
      if (stored.inputs() == null) {
        throw new IOException(file + ": not a manifest (no inputs)");
      }
      return new Manifest(dir, new TreeMap<>(stored.inputs()));
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not a manifest (" + e.getOriginalMessage() + ")", e);
    }
  }

  public static Manifest empty(Path dir) {
    return new Manifest(dir, new TreeMap<>());
  }

  /** Whether {@code input} was finished with the same content, model and options and still is. */
  public synchronized boolean isDone(String input, Entry wanted) {
    Entry done = entries.get(input);
    return done != null
        && done.sameWork(wanted)
        && done.outputs().stream().allMatch(output -> Files.isRegularFile(dir.resolve(output)));
  }

  public synchronized Entry entry(String input) {
    return entries.get(input);
  }

  /** Records a finished input; call only once all of its outputs are in place. */
  public synchronized void record(String input, Entry entry) {
    entries.put(input, entry);
    dirty = true;
  }

  /** Saves if there are changes and the last save is a while ago. */
  public synchronized void saveIfDue() throws IOException {
    if (dirty && System.nanoTime() - lastSave >= SAVE_INTERVAL_NANOS) {
      save();
    }
  }

  public synchronized void save() throws IOException {
    Stored stored = new Stored(FORMAT_VERSION, entries);
    AtomicFiles.write(dir.resolve(FILE_NAME), out -> JSON.writeValue(out, stored));
    dirty = false;
    lastSave = System.nanoTime();
  }
}
