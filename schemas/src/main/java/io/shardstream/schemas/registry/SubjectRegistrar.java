package io.shardstream.schemas.registry;

import org.apache.avro.Schema;

/** What {@link SchemaRegistrar} needs from one registry API. */
interface SubjectRegistrar {

  /**
   * Makes {@code schema} a version of {@code subject} (finding it when it is there already), under
   * a compatibility level of BACKWARD or stricter, set before the version is checked.
   */
  RegisteredSchema register(String subject, Schema schema);

  /** The subject's compatibility level, or null when it has none. */
  String compatibility(String subject);
}
