package org.digitocr.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.util.SerializableConfiguration;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.PageLoader;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;

/**
 * Opens inputs on the executors, from any file system Hadoop reads (local, HDFS, S3), through the
 * in-memory form of {@link PageLoader}.
 */
final class InputFiles implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The largest array a JVM allocates, a little under 2 GiB. */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private final SerializableConfiguration hadoop;
  private final LoadOptions load;

  InputFiles(Configuration hadoop, LoadOptions load) {
    this.hadoop = new SerializableConfiguration(hadoop);
    this.load = load;
  }

  /**
   * @param path the file's full path (URI) as Spark listed it
   * @param name the input's name in messages
   */
  PageSource open(String path, String name) throws InputException {
    return PageLoader.open(name, read(path, name), load);
  }

  private byte[] read(String path, String name) throws InputException {
    Path file = new Path(path);
    try {
      FileSystem fs = file.getFileSystem(hadoop.value());
      FileStatus status = fs.getFileStatus(file);
      if (status.getLen() > MAX_BYTES) {
        throw new InputException(name, ErrorKind.TOO_LARGE, status.getLen() + " bytes");
      }
      try (InputStream in = fs.open(file)) {
        return in.readAllBytes();
      }
    } catch (FileNotFoundException e) {
      throw new InputException(name, ErrorKind.NOT_FOUND);
    } catch (IOException e) {
      throw new InputException(name, ErrorKind.UNREADABLE, e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      throw new InputException(name, ErrorKind.TOO_LARGE, "out of memory while reading");
    }
  }
}
