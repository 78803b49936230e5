package io.shardstream.schemas.registry;

import io.shardstream.schemas.registry.ConfluentRegistryClient.CompatibilityCheck;
import java.util.Optional;
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

  /** The subject's newest schema, when it has one. */
  Optional<Schema> latest(String subject);

  /**
   * The registry's verdict on {@code schema} as the subject's next version under the subject's
   * rule, without adding it (a subject without versions accepts anything).
   */
  CompatibilityCheck check(String subject, Schema schema);
}
