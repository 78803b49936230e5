package io.shardstream.bench.report.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Numbers on a chart with as many digits as they are worth: thousands separated and whole from 100
 * up ({@code 68,073} items/s), one decimal from 10 ({@code 45.3} ms), two below ({@code 1.84}
 * rounds); a '.' whatever the default locale.
 */
final class ReadableNumbers extends NumberFormat {
  private static final long serialVersionUID = 1L;

  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

  @Override
  public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
    double size = Math.abs(number);
    String pattern = size >= 100 ? "#,##0" : size >= 10 ? "#,##0.#" : "#,##0.##";
    return new DecimalFormat(pattern, SYMBOLS).format(number, toAppendTo, pos);
  }

  @Override
  public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
    return format((double) number, toAppendTo, pos);
  }

  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    return new DecimalFormat("#,##0.##", SYMBOLS).parse(source, parsePosition);
  }
}
