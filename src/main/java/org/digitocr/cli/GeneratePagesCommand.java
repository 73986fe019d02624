package org.digitocr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import org.digitocr.output.AtomicFiles;
import org.digitocr.output.SearchablePdf;
import org.digitocr.runtime.Natives;
import org.digitocr.synth.EncodedPage;
import org.digitocr.synth.PageGenerator;
import org.digitocr.synth.PageOptions;
import org.digitocr.synth.SyntheticPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate-pages",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Generate scanned-looking form pages filled in with MNIST test digits, with ground truth.",
      "Writes page-NNNN.png, page-NNNN.expected.txt (the transcript a perfect reader gives) and"
          + " page-NNNN.truth.json (every line and digit with its box)."
    })
public final class GeneratePagesCommand implements Callable<Integer> {
  @Option(
      names = "--count",
      defaultValue = "10",
      description = "Pages (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--paper",
      defaultValue = "210x297",
      paramLabel = "WxH",
      description = "Sheet size in millimetres (default: ${DEFAULT-VALUE}, A4; A5 is 148x210).")
  String paper;

  @Option(
      names = "--broken",
      defaultValue = "0.03",
      description = "Share of digits drawn with a gap in a stroke (default: ${DEFAULT-VALUE}).")
  double broken;

  @Option(
      names = "--touching",
      defaultValue = "-0.05",
      description =
          "Closest spacing of digits in a number, in digit heights; more negative, more"
              + " touching (default: ${DEFAULT-VALUE}).")
  double touching;

  @Option(
      names = "--pdf",
      paramLabel = "FILE",
      description = "Also write all pages into this PDF, one image per page.")
  Path pdf;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "output/pages",
      description = "Folder to write to (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--photos",
      description =
          "Photograph each page as a phone would: seen at an angle on a table, uneven light,"
              + " slight blur, JPEG stored turned with an EXIF tag. Writes page-NNNN.jpg, with the"
              + " truth in the photo's pixels. Use --dpi 300 for a sharp sheet.")
  boolean photos;

  @Mixin GeneratedPagesOptions generation;

  @Mixin MnistDataOption data;

  @Override
  public Integer call() throws Exception {
    Natives.loadOpenCv();
    PageGenerator generator = PageGenerator.fromMnistTest(data.dir());
    String[] size = paper.toLowerCase(java.util.Locale.ROOT).split("x");
    if (size.length != 2) {
      throw new IllegalArgumentException("--paper must be WIDTHxHEIGHT in millimetres");
    }
    PageOptions options =
        PageOptions.sheet(Double.parseDouble(size[0]), Double.parseDouble(size[1]), generation.dpi)
            .withTargetDigits(generation.digits)
            .withBrokenRate(broken)
            .withTouchingGap(touching);
    Random random = new Random(generation.seed);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(out);
    int written = 0;
    SearchablePdf document = pdf == null ? null : new SearchablePdf();
    for (int i = 1; i <= count; i++) {
      SyntheticPage generated = generator.generate(random, options);
      if (document != null) {
        document.addImagePage(generated.image(), generation.dpi);
      }
      EncodedPage file =
          photos
              ? EncodedPage.photo(generated, random)
              : EncodedPage.scan(generated, generation.dpi);
      SyntheticPage page = file.truth();
      String name = String.format("page-%04d", i);
      AtomicFiles.write(out.resolve(name + file.extension()), file.bytes());
      AtomicFiles.writeString(
          out.resolve(name + ".expected.txt"), String.join("\n", page.transcript()) + "\n");
      AtomicFiles.write(out.resolve(name + ".truth.json"), o -> json.writeValue(o, page.lines()));
      written += page.digitCount();
    }
    if (document != null) {
      document.save(pdf);
      document.close();
    }
    System.out.printf(
        "Wrote %d %s (%d digits) to %s (seed %d, %d dpi)%n",
        count,
        photos ? "photographed pages" : "pages",
        written,
        out,
        generation.seed,
        generation.dpi);
    return 0;
  }
}
