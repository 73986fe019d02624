package org.digitocr.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.digitocr.output.Failure;
import org.digitocr.page.Page;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageResult;

/**
 * One opened input whose pages are being read by the workers: it hands out pages one at a time
 * (page sources are not thread-safe), gathers the results in page order, and tells the worker that
 * finishes the last page that the input is complete.
 */
final class InputJob implements PageSource {
  final int index;
  final Input input;
  final String contentHash;
  private final PageSource source;
  private final PageResult[] results;
  private final List<Failure> failures = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private int unfinished;
  private boolean discarded;

  InputJob(int index, Input input, String contentHash, PageSource source) {
    this.index = index;
    this.input = input;
    this.contentHash = contentHash;
    this.source = source;
    this.results = new PageResult[source.pageCount()];
    this.unfinished = results.length;
  }

  @Override
  public int pageCount() {
    return results.length;
  }

  @Override
  public synchronized Page page(int number) throws InputException {
    return source.page(number);
  }

  synchronized void written(List<String> files) {
    outputs.addAll(files);
  }

  /**
   * @return whether this was the input's last page
   */
  synchronized boolean read(PageResult result) {
    results[result.page() - 1] = result;
    return --unfinished == 0;
  }

  /**
   * @return whether this was the input's last page
   */
  synchronized boolean failed(Failure failure) {
    failures.add(failure);
    return --unfinished == 0;
  }

  /**
   * Pages left unread because the run is stopping; the input is then incomplete and the next run
   * redoes it.
   *
   * @return whether no page of the input is left in flight
   */
  synchronized boolean discard(int pages) {
    discarded = true;
    unfinished -= pages;
    return unfinished == 0;
  }

  synchronized boolean isDiscarded() {
    return discarded;
  }

  synchronized List<PageResult> results() {
    return Arrays.stream(results).filter(Objects::nonNull).toList();
  }

  synchronized List<Failure> failures() {
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort((a, b) -> Integer.compare(a.page(), b.page()));
    return sorted;
  }

  synchronized List<String> outputs() {
    return List.copyOf(outputs);
  }

  @Override
  public synchronized void close() {
    source.close();
  }
}
