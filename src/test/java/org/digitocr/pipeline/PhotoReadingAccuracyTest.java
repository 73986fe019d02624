package org.digitocr.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.digitocr.mnist.MnistTestData;
import org.digitocr.model.ModelChoice;
import org.digitocr.page.Page;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.ExifOrientation;
import org.digitocr.synth.PageGenerator;
import org.digitocr.synth.PageOptions;
import org.digitocr.synth.PhotoRenderer;
import org.digitocr.synth.ReadingScore;
import org.digitocr.synth.SyntheticPage;
import org.junit.jupiter.api.Test;

/**
 * Reads generated form pages photographed by {@link PhotoRenderer}, end to end, and scores against
 * the ground truth in photo pixels (so boxes must come back to where the digits are in the photo).
 * The same pages are also read as flat scans: the photo stage should lose little against them.
 *
 * <p>CI reads 20 photos. For a larger set: {@code mvn -q -B test -Dtest=PhotoReadingAccuracyTest
 * -Dphotos=100} prints the figures on a larger set.
 */
class PhotoReadingAccuracyTest {
  private static final int PHOTOS = Integer.getInteger("photos", 20);
  private static final long SEED = Long.getLong("photoSeed", 20_241_125L);

  /** Issue 4's target for digits on rendered photos. */
  private static final double MIN_DIGIT_ACCURACY = 0.95;

  /**
   * Issue 4's target for lines read exactly on rendered photos. This set reads 86.4% (255 of 295
   * lines; the same pages as flat scans: 91.5%); 20 photos from {@code evaluate-pages --photos}
   * read 85.1%.
   */
  private static final double MIN_LINE_ACCURACY = 0.85;

  /** Most the photo stage may cost against reading the very same pages as scans. */
  private static final double MAX_LOSS_AGAINST_SCANS = 0.02;

  @Test
  void readsPhotographedPagesNearlyAsWellAsScans() throws IOException {
    Natives.loadOpenCv();
    Natives.configureNd4j();
    PageGenerator generator = PageGenerator.fromMnistTest(MnistTestData.dir());
    PageReader reader = new PageReader(ModelChoice.shipped().load(), ReadOptions.DEFAULT);
    PhotoRenderer renderer = new PhotoRenderer(ExifOrientation.ROTATED_90_CLOCKWISE);
    Random random = new Random(SEED);

    ReadingScore photos = new ReadingScore();
    ReadingScore scans = new ReadingScore();
    for (int i = 1; i <= PHOTOS; i++) {
      SyntheticPage page = generator.generate(random, PageOptions.a4(300));
      SyntheticPage photo = renderer.photograph(page, random).photo();
      photos.add(photo, reader.read("photo-" + i + ".jpg", new Page(1, photo.image())));
      scans.add(page, reader.read("scan-" + i + ".png", new Page(1, page.image())));
      photo.image().release();
      page.image().release();
    }

    System.out.printf(
        "%d photographed pages: digits %.2f%% (%d/%d, %d missed, %d spurious),"
            + " lines %.2f%% (%d/%d); the same pages as scans: digits %.2f%%, lines %.2f%%%n",
        PHOTOS,
        100 * photos.digitAccuracy(),
        photos.correctDigits(),
        photos.truthDigits(),
        photos.missedDigits(),
        photos.spuriousDigits(),
        100 * photos.lineAccuracy(),
        photos.exactLines(),
        photos.truthLines(),
        100 * scans.digitAccuracy(),
        100 * scans.lineAccuracy());
    assertTrue(
        photos.digitAccuracy() >= scans.digitAccuracy() - MAX_LOSS_AGAINST_SCANS,
        "digits: photos lose more than 2 points against scans");
    assertTrue(photos.digitAccuracy() >= MIN_DIGIT_ACCURACY, "digit accuracy on photos");
    assertTrue(photos.lineAccuracy() >= MIN_LINE_ACCURACY, "line accuracy on photos");
  }
}
