package org.digitocr.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.page.AwtImages;
import org.digitocr.pipeline.PageResult;
import org.opencv.core.Mat;

/**
 * A PDF in which each page shows the page image and carries the digits read as an invisible text
 * layer over them (as OCRmyPDF does): selecting and copying in a viewer yields the transcript.
 *
 * <p>Pages are added one at a time and compressed as they come, so only encoded images are held.
 */
public final class SearchablePdfWriter implements AutoCloseable {
  /** Embedded rather than a Standard-14 font: no substitution warning, no font cache written. */
  private static final Path TEXT_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  private static final float JPEG_QUALITY = 0.85f;
  private static final float POINTS_PER_INCH = 72f;

  private final PDDocument document = new PDDocument();
  private final PDFont font;

  public SearchablePdfWriter() throws IOException {
    font =
        Files.isRegularFile(TEXT_FONT)
            ? PDType0Font.load(document, TEXT_FONT.toFile())
            : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  }

  /**
   * @param dpi the image's resolution, which sets the page's physical size
   */
  public void addPage(Mat image, PageResult result, int dpi) throws IOException {
    float scale = POINTS_PER_INCH / dpi;
    float width = image.cols() * scale;
    float height = image.rows() * scale;
    PDPage page = new PDPage(new PDRectangle(width, height));
    document.addPage(page);
    PDImageXObject picture =
        JPEGFactory.createFromImage(document, AwtImages.toBufferedImage(image), JPEG_QUALITY);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.drawImage(picture, 0, 0, width, height);
      content.beginText();
      content.setRenderingMode(RenderingMode.NEITHER);
      for (ReadLine line : result.lines()) {
        for (List<ReadDigit> group : line.groups()) {
          placeWord(content, group, scale, height);
        }
      }
      content.endText();
    }
  }

  /** One number as one word, stretched over the box its digits cover. */
  private void placeWord(
      PDPageContentStream content, List<ReadDigit> group, float scale, float pageHeight)
      throws IOException {
    Box box = Box.around(group.stream().map(ReadDigit::box)::iterator);
    StringBuilder word = new StringBuilder();
    group.forEach(d -> word.append(d.symbol()));
    float fontSize = Math.max(1f, box.height() * scale);
    float naturalWidth = font.getStringWidth(word.toString()) / 1000f * fontSize;
    content.setFont(font, fontSize);
    content.setHorizontalScaling(100f * box.width() * scale / naturalWidth);
    content.setTextMatrix(
        Matrix.getTranslateInstance(box.x() * scale, pageHeight - box.bottom() * scale));
    content.showText(word.toString());
  }

  public int pageCount() {
    return document.getNumberOfPages();
  }

  /** Writes the document atomically. */
  public void save(Path file) throws IOException {
    AtomicFiles.writeViaPath(file, temp -> document.save(temp.toFile()));
  }

  @Override
  public void close() throws IOException {
    document.close();
  }
}
