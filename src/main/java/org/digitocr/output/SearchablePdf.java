package org.digitocr.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.digitocr.layout.Box;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.page.AwtImages;
import org.digitocr.pipeline.PageResult;
import org.digitocr.util.Sha256;
import org.opencv.core.Mat;

/**
 * A searchable PDF as OCRmyPDF makes them: each page shows the page image, and carries the digits
 * read as invisible text (rendering mode "neither fill nor stroke") laid over them, one run per
 * number scaled to its box, so that selecting and copying in a viewer yields the transcript.
 *
 * <p>Pages are added one at a time and kept in a temporary file, not in memory.
 */
public final class SearchablePdf implements AutoCloseable {
  /** Embedded so that copying works everywhere; Helvetica (not embedded) if it is missing. */
  static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  /** Height of DejaVu Sans's digits as a fraction of the font size. */
  static final float DIGIT_HEIGHT = 0.73f;

  private static final float POINTS_PER_INCH = 72;
  private static final float JPEG_QUALITY = 0.85f;

  private final PDDocument document;
  private final PDFont font;
  private final MessageDigest identity = Sha256.newDigest();

  public SearchablePdf() throws IOException {
    document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    font =
        Files.isRegularFile(FONT)
            ? PDType0Font.load(document, FONT.toFile())
            : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  }

  /**
   * @param image the page as read (the pixels the result's boxes refer to)
   * @param dpi the image's resolution: sets the page's size in the PDF
   */
  public void addPage(Mat image, PageResult result, double dpi) throws IOException {
    addPage(jpeg(image), result, dpi);
  }

  /**
   * {@link #addPage(Mat, PageResult, double)} for a page already encoded as JPEG: its bytes go into
   * the PDF as they are, without decoding and encoding them again.
   */
  public void addJpegPage(byte[] jpeg, PageResult result, double dpi) throws IOException {
    addPage(jpegImage(jpeg), result, dpi);
  }

  /**
   * The JPEG as a PDF image, its size and colours read from its header. {@code
   * JPEGFactory.createFromByteArray} reads them from ImageIO's metadata tree instead: 15 ms a page,
   * 5% of a scan writing every format. Grey and YCbCr JPEGs (all that OpenCV writes for a page) are
   * placed here; any other goes through PDFBox's factory.
   */
  private PDImageXObject jpegImage(byte[] jpeg) throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
    int width;
    int height;
    ImageTypeSpecifier type;
    try (ImageInputStream header = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      reader.setInput(header);
      width = reader.getWidth(0);
      height = reader.getHeight(0);
      type = reader.getRawImageType(0);
    } finally {
      reader.dispose();
    }
    int components = type == null ? 0 : type.getNumComponents();
    if (components != 1 && components != 3) {
      return JPEGFactory.createFromByteArray(document, jpeg);
    }
    return new PDImageXObject(
        document,
        new ByteArrayInputStream(jpeg),
        COSName.DCT_DECODE,
        width,
        height,
        8,
        components == 1 ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE);
  }

  private void addPage(PDImageXObject picture, PageResult result, double dpi) throws IOException {
    identity.update(
        (result.file()
                + "\n"
                + result.page()
                + "\n"
                + picture.getWidth()
                + "x"
                + picture.getHeight()
                + "\n"
                + result.transcript())
            .getBytes(StandardCharsets.UTF_8));
    float scale = (float) (POINTS_PER_INCH / dpi);
    float height = picture.getHeight() * scale;
    try (PDPageContentStream content = imagePage(picture, scale)) {
      content.beginText();
      content.setRenderingMode(RenderingMode.NEITHER);
      for (ReadLine line : result.lines()) {
        for (List<ReadDigit> group : line.groups()) {
          placeText(content, group, scale, height);
        }
      }
      content.endText();
    }
  }

  /** A page showing only the image (as a scanner's PDF has). */
  public void addImagePage(Mat image, double dpi) throws IOException {
    imagePage(jpeg(image), (float) (POINTS_PER_INCH / dpi)).close();
  }

  private PDImageXObject jpeg(Mat image) throws IOException {
    BufferedImage picture = AwtImages.toBufferedImage(image);
    return JPEGFactory.createFromImage(document, picture, JPEG_QUALITY);
  }

  /** Adds a page of the picture's size at {@code scale} points per pixel, showing the picture. */
  private PDPageContentStream imagePage(PDImageXObject picture, float scale) throws IOException {
    float width = picture.getWidth() * scale;
    float height = picture.getHeight() * scale;
    PDPage page = new PDPage(new PDRectangle(width, height));
    document.addPage(page);
    PDPageContentStream content = new PDPageContentStream(document, page);
    content.drawImage(picture, 0, 0, width, height);
    return content;
  }

  /** One number as one run of text, stretched over its box, baseline on the box's bottom. */
  private void placeText(
      PDPageContentStream content, List<ReadDigit> group, float scale, float pageHeight)
      throws IOException {
    Box box = Box.around(group.stream().map(ReadDigit::box).toList());
    StringBuilder text = new StringBuilder();
    group.forEach(d -> text.append(d.symbol()));
    float size = Math.max(1, box.height() * scale / DIGIT_HEIGHT);
    float natural = font.getStringWidth(text.toString()) / 1000 * size;
    content.setFont(font, size);
    content.setHorizontalScaling(100 * box.width() * scale / natural);
    content.setTextMatrix(
        Matrix.getTranslateInstance(box.x() * scale, pageHeight - box.bottom() * scale));
    content.showText(text.toString());
  }

  public int pageCount() {
    return document.getNumberOfPages();
  }

  /** Writes the document to {@code file} (whole or not at all). */
  public void save(Path file) throws IOException {
    // PDFBox would derive the file identifier from the clock; from the content, reruns and any
    // number of workers write identical files.
    COSString id = new COSString(Arrays.copyOf(identity.digest(), 16));
    COSArray ids = new COSArray();
    ids.add(id);
    ids.add(id);
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
    AtomicFiles.writeViaPath(file, temp -> document.save(temp.toFile()));
  }

  @Override
  public void close() throws IOException {
    document.close();
  }
}
