package org.digitocr.page;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digitocr.pipeline.ErrorKind;
import org.digitocr.pipeline.InputException;

/** A PDF read with PDFBox, each page rendered in grey at the requested dpi when asked for. */
final class PdfSource implements PageSource {
  private static final double POINTS_PER_INCH = 72;

  private final String name;
  private final PDDocument document;
  private final PDFRenderer renderer;
  private final LoadOptions options;

  private PdfSource(String name, PDDocument document, LoadOptions options) {
    this.name = name;
    this.document = document;
    this.renderer = new PDFRenderer(document);
    this.options = options;
  }

  static PdfSource open(String name, Path file, LoadOptions options) throws InputException {
    try {
      return checked(name, Loader.loadPDF(file.toFile()), options);
    } catch (InvalidPasswordException e) {
      throw new InputException(name, ErrorKind.ENCRYPTED_PDF, "a password is needed to open it");
    } catch (IOException | RuntimeException e) {
      throw new InputException(name, ErrorKind.BROKEN_PDF, e.getMessage(), e);
    }
  }

  static PdfSource open(String name, byte[] bytes, LoadOptions options) throws InputException {
    try {
      return checked(name, Loader.loadPDF(bytes), options);
    } catch (InvalidPasswordException e) {
      throw new InputException(name, ErrorKind.ENCRYPTED_PDF, "a password is needed to open it");
    } catch (IOException | RuntimeException e) {
      throw new InputException(name, ErrorKind.BROKEN_PDF, e.getMessage(), e);
    }
  }

  private static PdfSource checked(String name, PDDocument document, LoadOptions options)
      throws InputException {
    int pages;
    try {
      pages = document.getNumberOfPages();
    } catch (RuntimeException e) {
      closeQuietly(document);
      throw new InputException(name, ErrorKind.BROKEN_PDF, "page tree: " + e.getMessage(), e);
    }
    if (pages == 0) {
      closeQuietly(document);
      throw new InputException(name, ErrorKind.EMPTY, "the PDF has no pages");
    }
    return new PdfSource(name, document, options);
  }

  @Override
  public int pageCount() {
    return document.getNumberOfPages();
  }

  @Override
  public Page page(int number) throws InputException {
    try {
      PDPage page = document.getPage(number - 1);
      PDRectangle box = page.getCropBox();
      double scale = options.dpi() / POINTS_PER_INCH;
      long pixels = Math.round(box.getWidth() * scale) * Math.round(box.getHeight() * scale);
      if (pixels > options.maxPixels()) {
        throw new InputException(
            name,
            ErrorKind.TOO_LARGE,
            "page "
                + number
                + " is "
                + pixels
                + " pixels at "
                + options.dpi()
                + " dpi, limit "
                + options.maxPixels());
      }
      BufferedImage image = renderer.renderImageWithDPI(number - 1, options.dpi(), ImageType.GRAY);
      return new Page(number, AwtImages.toMat(image), options.dpi());
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          name, ErrorKind.BROKEN_PDF, "page " + number + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(document);
  }

  private static void closeQuietly(PDDocument document) {
    try {
      document.close();
    } catch (IOException e) {
      // Nothing was written; a failing close of a read-only document loses nothing.
    }
  }
}
