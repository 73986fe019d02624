package org.digitocr.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;

/** Opens inputs — images (PNG, JPEG, TIFF incl. multi-page, BMP) and PDFs — as page sources. */
public final class PageLoader {
  private PageLoader() {}

  /** Opens a file; error messages name it as {@code file.toString()}. */
  public static PageSource open(Path file, LoadOptions options) throws InputException {
    return open(file, file.toString(), options);
  }

  /** Opens a file; error messages name it {@code name} (as the user knows it). */
  public static PageSource open(Path file, String name, LoadOptions options) throws InputException {
    if (!Files.exists(file)) {
      throw new InputException(name, ErrorKind.NOT_FOUND);
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(name, ErrorKind.UNREADABLE, "not a regular file");
    }
    try {
      byte[] head = readHead(file);
      InputFormat format = check(name, head);
      if (format == InputFormat.PDF) {
        // PDFs are read from the file on demand: thousands of pages never sit in memory at once.
        return PdfSource.open(name, file, options);
      }
      return ImageSource.open(name, Files.readAllBytes(file), format, options);
    } catch (NoSuchFileException e) {
      throw new InputException(name, ErrorKind.NOT_FOUND);
    } catch (AccessDeniedException e) {
      throw new InputException(name, ErrorKind.UNREADABLE, "permission denied");
    } catch (IOException e) {
      throw new InputException(name, ErrorKind.UNREADABLE, e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      throw new InputException(name, ErrorKind.TOO_LARGE, "out of memory while reading");
    }
  }

  /** Opens an input held in memory (e.g. a file shipped to a Spark worker). */
  public static PageSource open(String name, byte[] bytes, LoadOptions options)
      throws InputException {
    InputFormat format = check(name, Arrays.copyOf(bytes, Math.min(bytes.length, headSize())));
    if (format == InputFormat.PDF) {
      return PdfSource.open(name, bytes, options);
    }
    return ImageSource.open(name, bytes, format, options);
  }

  private static InputFormat check(String name, byte[] head) throws InputException {
    if (head.length == 0) {
      throw new InputException(name, ErrorKind.EMPTY);
    }
    InputFormat format = InputFormat.sniff(head);
    return switch (format) {
      case UNKNOWN -> throw new InputException(name, ErrorKind.NOT_AN_IMAGE);
      case OTHER_IMAGE ->
          throw new InputException(name, ErrorKind.UNSUPPORTED, "use PNG, JPEG, TIFF, BMP or PDF");
      default -> format;
    };
  }

  private static byte[] readHead(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(headSize());
    }
  }

  private static int headSize() {
    return InputFormat.headerBytes();
  }
}
