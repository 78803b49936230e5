package io.shardstream.schemas.serde;

import io.shardstream.schemas.avro.UserChangeEvent;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * The one place that lets Avro instantiate the generated event classes.
 *
 * <p>Avro (1.12.2 and later) checks every class a reader loads, generated records included, against
 * its global {@link ClassSecurityValidator}. By default that trusts a few {@code java.lang} classes
 * and the packages named by the system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} —
 * read once, when Avro's validator initialises, so setting the property at run time works only if
 * nothing touched Avro before. Instead this widens the global validator through Avro's API: the
 * events' package is trusted in addition to whatever was trusted already, whenever it runs, and no
 * launcher needs a {@code -D} flag.
 */
public final class AvroClassTrust {
  public static final String EVENTS_PACKAGE = UserChangeEvent.class.getPackageName();

  private static boolean trusted;

  private AvroClassTrust() {}

  /** Adds the events' package to the classes Avro trusts (keeping those trusted already). */
  public static synchronized void trustEventClasses() {
    if (trusted) {
      return;
    }
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            ClassSecurityValidator.getGlobal(), AvroClassTrust::isEventClass));
    trusted = true;
  }

  /** Classes of the events' own package (nested builders included), not of sub-packages. */
  static boolean isEventClass(Class<?> type) {
    return type.getPackageName().equals(EVENTS_PACKAGE);
  }
}
