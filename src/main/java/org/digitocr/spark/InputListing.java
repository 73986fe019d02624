package org.digitocr.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.digitocr.batch.InputWalker;

/**
 * Lists the inputs under the INPUT arguments, on any file system Hadoop reads, and names them as
 * the local runner does: in the tables, relative to their argument ({@code /}-separated; the file
 * name itself for a file argument); in messages, the argument joined with that relative name.
 * Hidden files and files without an input's extension are skipped, and so is the output folder.
 *
 * <p>Listed with Hadoop rather than Spark's {@code binaryFile} source, which leaves out empty
 * files: an empty input must be reported, not lost.
 */
final class InputListing {
  /**
   * Sorts names as the local runner walks folders, entry by entry: a separator below every other
   * character makes {@code a/x.png} come before {@code a.png}, as the folder {@code a} does.
   */
  private static final char KEY_SEPARATOR = '\u0000';

  /**
   * An input found.
   *
   * @param argument index of the INPUT argument it was found under
   * @param path its full path (URI)
   * @param name as in the tables
   * @param shown as in messages
   */
  record Found(int argument, String path, String name, String shown) {
    /** Sorts inputs in the local runner's order within their argument. */
    String key() {
      return name.replace('/', KEY_SEPARATOR);
    }
  }

  /**
   * @param missing indexes of the arguments that name nothing
   * @param notInputs files skipped: hidden, or not an input's extension
   */
  record Listing(List<Found> inputs, List<Integer> missing, long notInputs) {}

  private InputListing() {}

  static Listing list(List<String> arguments, String output, Configuration hadoop)
      throws IOException {
    Path out = new Path(output);
    String outputFolder = withSlash(out.getFileSystem(hadoop).makeQualified(out).toString());
    List<Found> inputs = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    long notInputs = 0;
    for (int i = 0; i < arguments.size(); i++) {
      String given = arguments.get(i);
      Path path = new Path(given);
      FileSystem fs = path.getFileSystem(hadoop);
      Path root = fs.makeQualified(path);
      if (!fs.exists(root)) {
        missing.add(i);
      } else if (fs.getFileStatus(root).isFile()) {
        inputs.add(new Found(i, root.toString(), root.getName(), given));
      } else {
        String prefix = withSlash(root.toString());
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
          String file = files.next().getPath().toString();
          if (file.startsWith(outputFolder)) {
            continue;
          }
          String name = file.substring(prefix.length());
          if (isHidden(name) || !InputWalker.hasInputExtension(name)) {
            notInputs++;
          } else {
            inputs.add(new Found(i, file, name, withSlash(given) + name));
          }
        }
      }
    }
    return new Listing(inputs, missing, notInputs);
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.contains("/.");
  }

  private static String withSlash(String folder) {
    return folder.endsWith("/") ? folder : folder + "/";
  }
}
