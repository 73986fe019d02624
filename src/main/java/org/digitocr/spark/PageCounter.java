package org.digitocr.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.digitocr.output.Failure;
import org.digitocr.page.PageSource;
import org.digitocr.pipeline.InputException;
import org.digitocr.pipeline.PageOutcome;

/**
 * The job's first stage: opens each input to count its pages (headers only, nothing decoded), so
 * that the pages, not the files, are then spread over the executors. An input that cannot be opened
 * comes out with no pages and its failure.
 */
final class PageCounter implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** The inputs found: where they are, their names and order, and their page count or failure. */
  static final StructType SCHEMA =
      new StructType()
          .add("argument", DataTypes.IntegerType, false)
          .add("key", DataTypes.StringType, false)
          .add("file", DataTypes.StringType, false)
          .add("path", DataTypes.StringType, false)
          .add("shown", DataTypes.StringType, false)
          .add("pages", DataTypes.IntegerType, false)
          .add("kind", DataTypes.StringType, true)
          .add("message", DataTypes.StringType, true);

  private final InputFiles files;

  PageCounter(InputFiles files) {
    this.files = files;
  }

  /** An input row of {@link #SCHEMA}: {@code pages} read, or the failure (then 0 pages). */
  private static Row input(Row found, int pages, Failure failure) {
    return RowFactory.create(
        found.getAs("argument"),
        found.getAs("key"),
        found.getAs("file"),
        found.getAs("path"),
        found.getAs("shown"),
        pages,
        failure == null ? null : failure.kind(),
        failure == null ? null : failure.message());
  }

  /**
   * @param found rows with the columns of {@link #SCHEMA} up to {@code shown}
   */
  @Override
  public Iterator<Row> call(Iterator<Row> found) {
    List<Row> inputs = new ArrayList<>();
    found.forEachRemaining(file -> inputs.add(count(file)));
    return inputs.iterator();
  }

  private Row count(Row found) {
    String file = found.getAs("file");
    try (PageSource source = files.open(found.getAs("path"), found.getAs("shown"))) {
      return input(found, source.pageCount(), null);
    } catch (InputException | RuntimeException | OutOfMemoryError e) {
      return input(found, 0, PageOutcome.failure(file, 0, e));
    }
  }
}
