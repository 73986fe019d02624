package org.digitocr.synth;

import java.util.Random;
import org.digitocr.page.LoadOptions;
import org.digitocr.page.PageLoader;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageReader;
import org.digitocr.pipeline.PageResult;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A generated page as a file: a scan as PNG, or a phone photo of it as JPEG. The truth's boxes are
 * in the file's pixels; its image is released, as only the file is read.
 *
 * @param extension the file name extension, with its dot
 */
public record EncodedPage(byte[] bytes, String extension, SyntheticPage truth) {

  /** The page as a lossless scan at {@code dpi}, which the file records as a scanner would. */
  public static EncodedPage scan(SyntheticPage page, int dpi) {
    MatOfByte png = new MatOfByte();
    Imgcodecs.imencode(".png", page.image(), png);
    byte[] bytes = PngResolution.withDpi(png.toArray(), dpi);
    png.release();
    page.image().release();
    return new EncodedPage(bytes, ".png", page);
  }

  /** The page photographed with a phone held upright, which stores it turned with an EXIF tag. */
  public static EncodedPage photo(SyntheticPage page, Random random) {
    PhotoRenderer.PhotographedPage photo =
        new PhotoRenderer(ExifOrientation.ROTATED_90_CLOCKWISE).photograph(page, random);
    page.image().release();
    photo.photo().image().release();
    return new EncodedPage(photo.jpeg(), ".jpg", photo.photo());
  }

  /** Decodes the file as {@code scan} would and reads its page: what a user's file costs. */
  public PageResult read(String name, PageReader reader) throws InputException {
    try (PageSource source = PageLoader.open(name + extension, bytes, LoadOptions.DEFAULT)) {
      return reader.read(name + extension, source.page(1));
    }
  }
}
