package org.digitocr.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Range;
import org.opencv.imgcodecs.Imgcodecs;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A raster image file: page sizes come from the header (read with ImageIO, which decodes no
 * pixels), pixels from OpenCV, one TIFF frame at a time, or for a plain grey PNG from {@link
 * GreyPngDecoder}.
 */
final class ImageSource implements PageSource {
  /** Grey stays one channel, colour becomes BGR; EXIF orientation is applied. */
  private static final int DECODE_FLAGS = Imgcodecs.IMREAD_ANYCOLOR;

  private static final double MM_PER_INCH = 25.4;

  /** A JPEG's end-of-image marker may be followed by a little padding. */
  private static final int JPEG_TRAILER_WINDOW = 4096;

  private final String name;
  private final InputFormat format;
  private final List<Frame> frames;
  private final LoadOptions options;
  private final byte[] bytes;
  private MatOfByte encoded;

  /** A frame's size and resolution (0 if unknown), from the header. */
  private record Frame(long width, long height, double dpi) {}

  private ImageSource(
      String name, byte[] bytes, InputFormat format, List<Frame> frames, LoadOptions options) {
    this.name = name;
    this.format = format;
    this.frames = frames;
    this.options = options;
    this.bytes = bytes;
  }

  static ImageSource open(String name, byte[] bytes, InputFormat format, LoadOptions options)
      throws InputException {
    checkComplete(name, bytes, format);
    return new ImageSource(name, bytes, format, readFrames(name, bytes), options);
  }

  @Override
  public int pageCount() {
    return frames.size();
  }

  @Override
  public Page page(int number) throws InputException {
    if (number < 1 || number > frames.size()) {
      throw new IllegalArgumentException("page " + number + " of " + frames.size());
    }
    Frame frame = frames.get(number - 1);
    if (frame.width() * frame.height() > options.maxPixels()) {
      throw new InputException(
          name,
          ErrorKind.TOO_LARGE,
          pageLabel(number)
              + frame.width()
              + "x"
              + frame.height()
              + " pixels, limit "
              + options.maxPixels());
    }
    Mat image = decode(number);
    if (image.empty()) {
      throw new InputException(
          name, ErrorKind.TRUNCATED, pageLabel(number) + "the pixel data cannot be decoded");
    }
    return new Page(number, image, frame.dpi());
  }

  private Mat decode(int number) {
    if (format == InputFormat.PNG) {
      Optional<Mat> grey = GreyPngDecoder.decode(bytes);
      if (grey.isPresent()) {
        return grey.get();
      }
    }
    if (encoded == null) {
      encoded = new MatOfByte(bytes);
    }
    if (format == InputFormat.TIFF) {
      List<Mat> frames = new ArrayList<>(1);
      boolean ok =
          Imgcodecs.imdecodemulti(encoded, DECODE_FLAGS, frames, new Range(number - 1, number));
      return ok && !frames.isEmpty() ? frames.get(0) : new Mat();
    }
    return Imgcodecs.imdecode(encoded, DECODE_FLAGS);
  }

  private String pageLabel(int number) {
    return frames.size() > 1 ? "page " + number + ": " : "";
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

  /** Size and resolution of every frame, from the headers only. */
  private static List<Frame> readFrames(String name, byte[] bytes) throws InputException {
    // Not ImageIO.createImageInputStream: for a stream it caches the bytes in a temporary file,
    // and reading a PNG's metadata through that cost 10 ms a page.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new InputException(name, ErrorKind.NOT_AN_IMAGE, "unrecognised image header");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, false, false);
        int count = reader.getNumImages(true);
        if (count < 1) {
          throw new InputException(name, ErrorKind.EMPTY, "the image has no frames");
        }
        List<Frame> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          frames.add(new Frame(reader.getWidth(i), reader.getHeight(i), dpi(reader, i)));
        }
        return frames;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          name, ErrorKind.TRUNCATED, "unreadable header: " + e.getMessage(), e);
    }
  }

  /** The horizontal resolution stated in a frame's metadata, 0 if none. */
  private static double dpi(ImageReader reader, int frame) {
    try {
      IIOMetadata metadata = reader.getImageMetadata(frame);
      if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
        return 0;
      }
      Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
      for (Node dimension = root.getFirstChild();
          dimension != null;
          dimension = dimension.getNextSibling()) {
        if (!"Dimension".equals(dimension.getNodeName())) {
          continue;
        }
        for (Node item = dimension.getFirstChild(); item != null; item = item.getNextSibling()) {
          if ("HorizontalPixelSize".equals(item.getNodeName())) {
            double millimetres = Double.parseDouble(((Element) item).getAttribute("value"));
            return millimetres > 0 ? MM_PER_INCH / millimetres : 0;
          }
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      // A resolution is a nicety (the searchable PDF's page size); pixels are what matter.
      return 0;
    }
  }
}
