package dev.watchword.server.backup;

import dev.watchword.server.runtime.InsertBatches;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Inserts a backup's tables into a freshly migrated schema, in the caller's transaction: first
 * empties what the migrations themselves inserted (the audit chain's first head row), then inserts
 * every row in batches, tables in the backup's order (each after the tables it references).
 *
 * <p>Guarantees: every table of the target schema is filled from the backup and every table and
 * column of the backup exists in the target, or the load is refused; a value is written as the
 * target column's type wants it (a SQLite 0/1 into a PostgreSQL boolean and back), so a backup of
 * either database restores into either.
 */
final class SnapshotLoader {

  private SnapshotLoader() {}

  /** @return the number of rows inserted */
  static long load(Connection target, ContentsReader contents) throws SQLException {
    SchemaTables schema = new SchemaTables(target);
    List<String> tables = schema.inDependencyOrder();
    List<String> childrenFirst = new ArrayList<>(tables);
    Collections.reverse(childrenFirst);
    try (var statement = target.createStatement()) {
      for (String table : childrenFirst) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    }
    Set<String> filled = new HashSet<>();
    long rows = 0;
    for (Optional<ContentsReader.Table> next = contents.nextTable(); next.isPresent(); next = contents.nextTable()) {
      ContentsReader.Table table = next.get();
      if (!tables.contains(table.name()) || !filled.add(table.name())) {
        throw new BackupRefusedException("the backup holds table " + table.name()
            + ", which this version's schema does not have (or holds it twice)");
      }
      rows += insert(target, table, schema.columnTypes(table.name()), contents);
    }
    if (!filled.containsAll(tables)) {
      Set<String> missing = new HashSet<>(tables);
      missing.removeAll(filled);
      throw new BackupRefusedException("the backup lacks tables this schema has: " + missing);
    }
    return rows;
  }

  private static long insert(Connection target, ContentsReader.Table table, Map<String, Integer> types,
      ContentsReader contents) throws SQLException {
    for (String column : table.columns()) {
      if (!types.containsKey(column)) {
        throw new BackupRefusedException("the backup's table " + table.name() + " has column " + column
            + ", which this version's schema does not have");
      }
    }
    String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ("
        + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
    long rows = 0;
    try (PreparedStatement insert = target.prepareStatement(sql)) {
      for (List<Object> row = contents.nextRow(); row != null; row = contents.nextRow()) {
        for (int i = 0; i < row.size(); i++) {
          bind(insert, i + 1, row.get(i), types.get(table.columns().get(i)));
        }
        insert.addBatch();
        if (++rows % InsertBatches.ROWS == 0) {
          insert.executeBatch();
        }
      }
      if (rows % InsertBatches.ROWS != 0) {
        insert.executeBatch();
      }
    }
    return rows;
  }

  private static void bind(PreparedStatement insert, int index, Object value, int type) throws SQLException {
    boolean booleanColumn = type == Types.BOOLEAN || type == Types.BIT;
    if (value == null) {
      insert.setNull(index, type);
    } else if (value instanceof Boolean flag) {
      if (booleanColumn) {
        insert.setBoolean(index, flag);
      } else {
        insert.setLong(index, flag ? 1 : 0);
      }
    } else if (value instanceof Long number) {
      if (booleanColumn) {
        insert.setBoolean(index, number != 0);
      } else {
        insert.setLong(index, number);
      }
    } else if (value instanceof String text) {
      insert.setString(index, text);
    } else {
      insert.setBytes(index, (byte[]) value);
    }
  }
}
