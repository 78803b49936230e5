package io.shardstream.core.keys;

/** UTF-8 lengths without encoding: keys are checked against DynamoDB's byte limits per item. */
final class Utf8 {
  private Utf8() {}

  /**
   * The length of {@code text} in UTF-8 bytes, as {@code getBytes(UTF_8)} gives it (a lone
   * surrogate becomes one replacement byte). Text too short to exceed {@code limit} even at 3 bytes
   * a char is not counted: its char count is returned, which is then at most the limit too.
   */
  static int length(String text, int limit) {
    int chars = text.length();
    if ((long) chars * 3 <= limit) {
      return chars;
    }
    int bytes = chars;
    for (int i = 0; i < chars; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < chars
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 2; // 2 chars, 4 bytes
        i++;
      } else if (!Character.isSurrogate(c)) {
        bytes += 2;
      }
    }
    return bytes;
  }
}
