package org.digitocr.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Range;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A raster image file: page sizes come from the header (read with ImageIO, which decodes no
 * pixels), pixels from OpenCV, one TIFF frame at a time.
 */
final class ImageSource implements PageSource {
  /** Grey stays one channel, colour becomes BGR; EXIF orientation is applied. */
  private static final int DECODE_FLAGS = Imgcodecs.IMREAD_ANYCOLOR;

  /** A JPEG's end-of-image marker may be followed by a little padding. */
  private static final int JPEG_TRAILER_WINDOW = 4096;

  private final String name;
  private final InputFormat format;
  private final List<long[]> sizes;
  private final LoadOptions options;
  private MatOfByte encoded;

  private ImageSource(
      String name, byte[] bytes, InputFormat format, List<long[]> sizes, LoadOptions options) {
    this.name = name;
    this.format = format;
    this.sizes = sizes;
    this.options = options;
    this.encoded = new MatOfByte(bytes);
  }

  static ImageSource open(String name, byte[] bytes, InputFormat format, LoadOptions options)
      throws InputException {
    checkComplete(name, bytes, format);
    return new ImageSource(name, bytes, format, readSizes(name, bytes), options);
  }

  @Override
  public int pageCount() {
    return sizes.size();
  }

  @Override
  public Page page(int number) throws InputException {
    if (number < 1 || number > sizes.size()) {
      throw new IllegalArgumentException("page " + number + " of " + sizes.size());
    }
    long[] size = sizes.get(number - 1);
    if (size[0] * size[1] > options.maxPixels()) {
      throw new InputException(
          name,
          ErrorKind.TOO_LARGE,
          pageLabel(number) + size[0] + "x" + size[1] + " pixels, limit " + options.maxPixels());
    }
    Mat image;
    if (format == InputFormat.TIFF) {
      List<Mat> frames = new ArrayList<>(1);
      boolean ok =
          Imgcodecs.imdecodemulti(encoded, DECODE_FLAGS, frames, new Range(number - 1, number));
      image = ok && !frames.isEmpty() ? frames.get(0) : new Mat();
    } else {
      image = Imgcodecs.imdecode(encoded, DECODE_FLAGS);
    }
    if (image.empty()) {
      throw new InputException(
          name, ErrorKind.TRUNCATED, pageLabel(number) + "the pixel data cannot be decoded");
    }
    return new Page(number, image);
  }

  private String pageLabel(int number) {
    return sizes.size() > 1 ? "page " + number + ": " : "";
  }

  @Override
  public void close() {
    if (encoded != null) {
      encoded.release();
      encoded = null;
    }
  }

  /**
   * Decoders fill a cut-off PNG or JPEG with grey instead of failing; their end markers show
   * whether the file is whole.
   */
  private static void checkComplete(String name, byte[] bytes, InputFormat format)
      throws InputException {
    boolean complete =
        switch (format) {
          case PNG -> endsWithPngEnd(bytes);
          case JPEG -> hasJpegEnd(bytes);
          default -> true;
        };
    if (!complete) {
      throw new InputException(name, ErrorKind.TRUNCATED, "the end of the image is missing");
    }
  }

  private static boolean endsWithPngEnd(byte[] bytes) {
    // IEND chunk: length 0, type "IEND", CRC; nothing may follow in a well-formed file, but
    // tolerate trailing bytes some writers add.
    for (int i = bytes.length - 8; i >= Math.max(8, bytes.length - 1024); i--) {
      if (bytes[i] == 'I' && bytes[i + 1] == 'E' && bytes[i + 2] == 'N' && bytes[i + 3] == 'D') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJpegEnd(byte[] bytes) {
    for (int i = bytes.length - 2; i >= Math.max(2, bytes.length - JPEG_TRAILER_WINDOW); i--) {
      if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  /** Width and height of every frame, from the headers only. */
  private static List<long[]> readSizes(String name, byte[] bytes) throws InputException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new InputException(name, ErrorKind.NOT_AN_IMAGE, "unrecognised image header");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, true);
        int frames = reader.getNumImages(true);
        if (frames < 1) {
          throw new InputException(name, ErrorKind.EMPTY, "the image has no frames");
        }
        List<long[]> sizes = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
          sizes.add(new long[] {reader.getWidth(i), reader.getHeight(i)});
        }
        return sizes;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          name, ErrorKind.TRUNCATED, "unreadable header: " + e.getMessage(), e);
    }
  }
}
