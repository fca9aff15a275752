package io.keygate.store.postgres;

import com.google.protobuf.Timestamp;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers: bind parameters, map rows, convert times. Parameters are always bound. */
public final class Sql {
  private Sql() {}

  /** Maps the current row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
      return out;
    }
  }

  public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    List<T> rows = query(c, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public static long count(Connection c, String sql, Object... params) throws SQLException {
    return queryOne(c, sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    }
  }

  static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p instanceof Instant instant) {
          ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (p instanceof String[] strings) {
          Array array = c.createArrayOf("text", strings);
          ps.setArray(i + 1, array);
        } else if (p instanceof List<?> list) {
          Array array = c.createArrayOf("text", list.toArray(new Object[0]));
          ps.setArray(i + 1, array);
        } else {
          ps.setObject(i + 1, p);
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A proto timestamp, or {@code null} for SQL NULL. */
  public static Timestamp timestamp(ResultSet rs, String column) throws SQLException {
    Instant instant = instant(rs, column);
    return instant == null ? null : toProto(instant);
  }

  public static Timestamp toProto(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  public static Instant fromProto(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** The column's text, with SQL NULL as the empty string (proto's "unset"). */
  public static String text(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? "" : value;
  }

  public static List<String> textArray(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((String[]) array.getArray());
  }

  /** Proto's empty string as SQL NULL. */
  public static String nullIfEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
