package org.digitocr.spark;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.digitocr.output.ResultTables;

/** Writes the job's tables into the output folder, in a {@link TableFormat}. */
final class TableWriter {
  private final Path folder;
  private final TableFormat format;
  private final Configuration hadoop;

  TableWriter(String folder, TableFormat format, Configuration hadoop) {
    this.folder = new Path(folder);
    this.format = format;
    this.hadoop = hadoop;
  }

  /** A Spark schema for a table of {@link ResultTables}, from its header and column types. */
  static StructType schema(List<String> header, List<Class<?>> types) {
    StructType schema = new StructType();
    for (int i = 0; i < header.size(); i++) {
      schema = schema.add(header.get(i), type(types.get(i)), false);
    }
    return schema;
  }

  /**
   * @param name the table's name, {@code digits} for {@code digits.csv}
   * @return where the table went
   */
  Path write(Dataset<Row> table, String name) throws IOException {
    if (format == TableFormat.PARQUET) {
      Path target = new Path(folder, name + ".parquet");
      table.write().mode(SaveMode.Overwrite).parquet(target.toString());
      return target;
    }
    // Spark writes a folder of parts; one part, moved into place, makes the local runner's file.
    Path parts = new Path(folder, "." + name + ".csv.parts");
    table
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", true)
        // RFC 4180 like the local writer: quotes doubled, spaces kept
        .option("escape", "\"")
        .option("ignoreLeadingWhiteSpace", false)
        .option("ignoreTrailingWhiteSpace", false)
        .csv(parts.toString());
    FileSystem fs = folder.getFileSystem(hadoop);
    if (fs instanceof ChecksumFileSystem local) {
      // The local file system keeps .crc files beside the data; the local runner writes none.
      fs = local.getRawFileSystem();
    }
    FileStatus[] written = fs.globStatus(new Path(parts, "part-*.csv"));
    if (written == null || written.length != 1) {
      throw new IOException(parts + ": expected one part file, found " + count(written));
    }
    Path target = new Path(folder, name + ".csv");
    fs.delete(target, false);
    if (!fs.rename(written[0].getPath(), target)) {
      throw new IOException("cannot move " + written[0].getPath() + " to " + target);
    }
    fs.delete(parts, true);
    return target;
  }

  private static int count(FileStatus[] files) {
    return files == null ? 0 : files.length;
  }

  private static DataType type(Class<?> type) {
    if (type == String.class) {
      return DataTypes.StringType;
    }
    if (type == Integer.class) {
      return DataTypes.IntegerType;
    }
    if (type == BigDecimal.class) {
      return DataTypes.createDecimalType(
          ResultTables.CONFIDENCE_DECIMALS + 1, ResultTables.CONFIDENCE_DECIMALS);
    }
    throw new IllegalArgumentException("no Spark type for " + type);
  }
}
