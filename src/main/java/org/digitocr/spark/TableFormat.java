package org.digitocr.spark;

/** The formats the job's tables are written in. */
public enum TableFormat {
  /** {@code NAME.csv}: one file with a header, as the local runner writes it. */
  CSV,
  /** {@code NAME.parquet}: a Parquet folder, typed columns. */
  PARQUET
}
