package org.digitocr.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.digitocr.layout.ReadDigit;
import org.digitocr.layout.ReadLine;
import org.digitocr.pipeline.PageResult;

/**
 * {@code index.html}: one page to review a run in a browser: the failures first, then every input
 * with its annotated page images (linked relatively, so the folder can be moved or served as it is)
 * and its transcript, uncertain digits highlighted with their best guess and confidence. No
 * scripts, no external resources.
 */
public final class ReviewPageWriter {
  public static final String FILE_NAME = "index.html";

  private ReviewPageWriter() {}

  /**
   * One input as the page shows it.
   *
   * @param pages what was read, page by page (empty if the input failed as a whole)
   * @param images per page in {@code pages}, the annotated image's path relative to the output
   *     folder, or null if none was written
   * @param failures this input's failures
   */
  public record InputView(
      String name, List<PageResult> pages, List<String> images, List<Failure> failures) {}

  /**
   * @param summary the run's one-line summary
   * @param inputs every input of the run, in order, produced on demand
   * @param failures all failures, in input order
   */
  public static void write(
      Path dir, String summary, Iterator<InputView> inputs, List<Failure> failures)
      throws IOException {
    AtomicFiles.write(
        dir.resolve(FILE_NAME),
        out -> {
          Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          head(html, summary);
          failures(html, failures);
          int number = 0;
          while (inputs.hasNext()) {
            input(html, ++number, inputs.next());
          }
          html.write("</main>\n</body>\n</html>\n");
          html.flush();
        });
  }

  private static void head(Writer html, String summary) throws IOException {
    html.write(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>digit-ocr review</title>
        <style>
        body { font: 15px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 70em; padding: 1em; }
        h1 { margin-bottom: 0; }
        .summary { color: #444; }
        table { border-collapse: collapse; }
        td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
        section.input { border-top: 2px solid #888; margin-top: 1.5em; }
        section.failed h2 { color: #b00020; }
        .pages { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
        figure { margin: 0; max-width: 32em; }
        figure img { max-width: 100%; border: 1px solid #ccc; }
        pre.transcript { font-size: 1.2em; background: #f6f6f6; padding: 0.5em; margin: 0.3em 0; }
        mark.uncertain { background: #ffb300; font-weight: bold; }
        .warning { color: #8a5300; }
        .failure { color: #b00020; }
        </style>
        </head>
        <body>
        <h1>digit-ocr review</h1>
        """);
    html.write("<p class=\"summary\">" + escape(summary) + "</p>\n");
    html.write(
        "<p>Uncertain digits show their best guess <mark class=\"uncertain\">highlighted</mark>;"
            + " hover for the confidence.</p>\n");
  }

  private static void failures(Writer html, List<Failure> failures) throws IOException {
    html.write("<section id=\"failures\">\n<h2>Failures: " + failures.size() + "</h2>\n");
    if (!failures.isEmpty()) {
      html.write("<table>\n<tr><th>file</th><th>page</th><th>kind</th><th>message</th></tr>\n");
      for (Failure failure : failures) {
        html.write(
            "<tr class=\"failure\"><td>"
                + escape(failure.file())
                + "</td><td>"
                + (failure.page() > 0 ? failure.page() : "")
                + "</td><td>"
                + escape(failure.kind())
                + "</td><td>"
                + escape(failure.message())
                + "</td></tr>\n");
      }
      html.write("</table>\n");
    }
    html.write("</section>\n<main>\n");
  }

  private static void input(Writer html, int number, InputView input) throws IOException {
    boolean failed = !input.failures().isEmpty();
    html.write(
        "<section class=\"input"
            + (failed ? " failed" : "")
            + "\" id=\"input-"
            + number
            + "\" data-file=\""
            + escape(input.name())
            + "\">\n<h2>"
            + escape(input.name())
            + "</h2>\n");
    for (Failure failure : input.failures()) {
      html.write("<p class=\"failure\">" + escape(failure.message()) + "</p>\n");
    }
    for (int i = 0; i < input.pages().size(); i++) {
      page(html, input.name(), input.pages().get(i), input.images().get(i));
    }
    html.write("</section>\n");
  }

  private static void page(Writer html, String name, PageResult page, String image)
      throws IOException {
    html.write("<div class=\"pages\">\n");
    if (image != null) {
      String href = escape(relativeUrl(image));
      html.write(
          "<figure><a href=\""
              + href
              + "\"><img src=\""
              + href
              + "\" loading=\"lazy\" alt=\""
              + escape(name + " page " + page.page())
              + "\"></a><figcaption>page "
              + page.page()
              + "</figcaption></figure>\n");
    }
    html.write("<div>\n<h3>page " + page.page() + "</h3>\n");
    for (String warning : page.warnings()) {
      html.write("<p class=\"warning\">" + escape(warning) + "</p>\n");
    }
    html.write("<pre class=\"transcript\">");
    for (ReadLine line : page.lines()) {
      transcriptLine(html, line);
      html.write("\n");
    }
    html.write("</pre>\n</div>\n</div>\n");
  }

  private static void transcriptLine(Writer html, ReadLine line) throws IOException {
    boolean first = true;
    for (List<ReadDigit> group : line.groups()) {
      if (!first) {
        html.write(' ');
      }
      first = false;
      for (ReadDigit digit : group) {
        if (digit.uncertain()) {
          html.write(
              String.format(
                  Locale.ROOT,
                  "<mark class=\"uncertain\" title=\"best guess %d, confidence %.2f\">%d</mark>",
                  digit.digit(),
                  digit.confidence(),
                  digit.digit()));
        } else {
          html.write((char) ('0' + digit.digit()));
        }
      }
    }
  }

  /** A relative path as a URL: each segment percent-encoded, so spaces and '#' survive. */
  static String relativeUrl(String path) {
    StringBuilder url = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (url.length() > 0) {
        url.append('/');
      }
      url.append(java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return url.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
