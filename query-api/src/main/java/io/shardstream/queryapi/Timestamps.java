package io.shardstream.queryapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Time parameters ({@code createdFrom}, {@code updatedTo}, ...): epoch milliseconds, an ISO-8601
 * date-time with an offset ({@code 2025-03-01T12:00:00Z}, {@code 2025-03-01T12:00:00.5+02:00}), or
 * a date ({@code 2025-03-01}, UTC), which as a lower bound means the day's first millisecond and as
 * an upper bound its last, so {@code createdFrom=2025-03-01&createdTo=2025-03-01} is that whole
 * day. Bounds are inclusive. Allowed: 1970-01-01 to 9999-12-31.
 */
final class Timestamps {
  static final long LATEST = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
  private static final Pattern MILLIS = Pattern.compile("[0-9]{1,15}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final String FORMATS =
      "use epoch milliseconds, an ISO-8601 date-time with an "
          + "offset (2025-03-01T12:00:00Z) or a date (2025-03-01)";

  enum Bound {
    FROM,
    TO
  }

  private Timestamps() {}

  /**
   * @throws IllegalArgumentException with a message for the client
   */
  static long parse(String text, Bound bound) {
    long millis;
    try {
      if (MILLIS.matcher(text).matches()) {
        millis = Long.parseLong(text);
      } else if (DATE.matcher(text).matches()) {
        LocalDate day = LocalDate.parse(text);
        LocalDate start = bound == Bound.FROM ? day : day.plusDays(1);
        millis =
            start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                - (bound == Bound.FROM ? 0 : 1);
      } else {
        // A '+' of an offset arrives as a space when the client did not percent-encode it.
        millis = OffsetDateTime.parse(text.replace(' ', '+')).toInstant().toEpochMilli();
      }
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + shorten(text) + "' is not a time: " + FORMATS);
    }
    if (millis < 0 || millis > LATEST) {
      throw new IllegalArgumentException(
          "'" + shorten(text) + "' is outside 1970-01-01 .. " + "9999-12-31");
    }
    return millis;
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
