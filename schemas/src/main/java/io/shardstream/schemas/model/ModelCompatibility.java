package io.shardstream.schemas.model;

import io.shardstream.core.config.EntityConfig;
import io.shardstream.schemas.registry.ConfluentRegistryClient.CompatibilityCheck;
import io.shardstream.schemas.registry.SchemaRegistrar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks the event schemas an entity configuration derives against what the registry holds, under
 * the BACKWARD rule (the derived schema must read every event written with the newest registered
 * one), before anything runs and without registering anything. Two judges: Avro's own {@link
 * SchemaCompatibility}, which names the attribute at fault, and the registry's dry run under the
 * subject's rule (which may be stricter); either refusing refuses the configuration.
 */
public final class ModelCompatibility {
  private final SchemaRegistrar registrar;

  public ModelCompatibility(SchemaRegistrar registrar) {
    this.registrar = registrar;
  }

  /** What the check found for one entity's topic. */
  public enum Status {
    /** Nothing registered on the topic yet: any first schema is compatible. */
    NEW_TOPIC,
    /** The derived schema reads every event the newest registered schema wrote. */
    COMPATIBLE,
    /** It does not: the problems say why. */
    INCOMPATIBLE
  }

  /** The verdict on one entity's derived schema against its topic's newest registered one. */
  public record Verdict(String entity, String topic, Status status, List<SchemaProblem> problems) {
    public Verdict {
      problems = List.copyOf(problems);
    }
  }

  /**
   * The verdict for every entity that declares attributes, in token order, registering nothing.
   *
   * @param topicOf the topic each entity's events are published on
   */
  public List<Verdict> verdicts(EntityConfig config, Function<String, String> topicOf) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<String, Schema> derived : EntityEventSchemas.derive(config).entrySet()) {
      String entity = derived.getKey();
      String topic = topicOf.apply(entity);
      Optional<Schema> latest = registrar.latestValueSchema(topic);
      if (latest.isEmpty()) {
        verdicts.add(new Verdict(entity, topic, Status.NEW_TOPIC, List.of()));
        continue;
      }
      List<SchemaProblem> problems =
          new ArrayList<>(backward(entity, topic, derived.getValue(), latest.get()));
      CompatibilityCheck registry = registrar.checkValueSchema(topic, derived.getValue());
      if (!registry.compatible() && problems.isEmpty()) {
        problems.add(
            new SchemaProblem(
                entity,
                topic,
                null,
                "the registry refuses it under the subject's rule: "
                    + String.join("; ", registry.messages())));
      }
      verdicts.add(
          new Verdict(
              entity,
              topic,
              problems.isEmpty() ? Status.COMPATIBLE : Status.INCOMPATIBLE,
              problems));
    }
    return verdicts;
  }

  /**
   * @param topicOf the topic each entity's events are published on
   * @throws IncompatibleModelException listing every problem, each naming entity and attribute
   */
  public void requireBackward(EntityConfig config, Function<String, String> topicOf) {
    List<SchemaProblem> problems =
        verdicts(config, topicOf).stream().flatMap(v -> v.problems().stream()).toList();
    if (!problems.isEmpty()) {
      throw new IncompatibleModelException(problems);
    }
  }

  /** Avro's BACKWARD verdict: can {@code derived} read what {@code registered} wrote? */
  public static List<SchemaProblem> backward(
      String entity, String topic, Schema derived, Schema registered) {
    List<SchemaProblem> problems = new ArrayList<>();
    for (Located located : incompatibilities(derived, registered)) {
      problems.add(
          new SchemaProblem(
              entity,
              topic,
              attributeAt(located.reader(), located.incompatibility()),
              describe(located.incompatibility())));
    }
    return problems;
  }

  /**
   * Avro reports a change inside the state record of {@code [null, Person]} as the union lacking a
   * branch; the records are then compared on their own, so that the attribute is named.
   */
  private static List<Located> incompatibilities(Schema reader, Schema writer) {
    List<Located> found = new ArrayList<>();
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      Optional<Schema[]> records = unionRecords(reader, writer, incompatibility);
      if (records.isPresent()) {
        found.addAll(incompatibilities(records.get()[0], records.get()[1]));
      } else {
        found.add(new Located(reader, incompatibility));
      }
    }
    return found;
  }

  /** An incompatibility and the reader schema its location starts from. */
  private record Located(Schema reader, Incompatibility incompatibility) {}

  /** For a missing union branch at an envelope field: that field's record in reader and writer. */
  private static Optional<Schema[]> unionRecords(
      Schema reader, Schema writer, Incompatibility incompatibility) {
    String[] steps = incompatibility.getLocation().split("/");
    if (incompatibility.getType()
            != SchemaCompatibility.SchemaIncompatibilityType.MISSING_UNION_BRANCH
        || reader.getType() != Schema.Type.RECORD
        || steps.length < 3
        || !steps[1].equals("fields")) {
      return Optional.empty();
    }
    Schema.Field readerField = reader.getFields().get(Integer.parseInt(steps[2]));
    Schema.Field writerField = writer.getField(readerField.name());
    if (writerField == null) {
      return Optional.empty();
    }
    Schema readerRecord = recordIn(readerField.schema());
    Schema writerRecord = recordIn(writerField.schema());
    return readerRecord == null || writerRecord == null
        ? Optional.empty()
        : Optional.of(new Schema[] {readerRecord, writerRecord});
  }

  private static Schema recordIn(Schema schema) {
    if (schema.getType() == Schema.Type.RECORD) {
      return schema;
    }
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream()
          .filter(t -> t.getType() == Schema.Type.RECORD)
          .findFirst()
          .orElse(null);
    }
    return null;
  }

  private static String describe(Incompatibility incompatibility) {
    return switch (incompatibility.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE ->
          "new and required without a default, so events written before it cannot be read; make it"
              + " optional (not \"required\")";
      case MISSING_UNION_BRANCH ->
          "type changed: old "
              + typeName(incompatibility.getWriterFragment())
              + " values cannot be read as "
              + typeName(incompatibility.getReaderFragment());
      case TYPE_MISMATCH ->
          "type changed from "
              + typeName(incompatibility.getWriterFragment())
              + " to "
              + typeName(incompatibility.getReaderFragment())
              + ", which old events cannot be read as";
      default ->
          incompatibility.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ": "
              + incompatibility.getMessage();
    };
  }

  private static String typeName(Schema schema) {
    if (schema == null) {
      return "?";
    }
    if (schema.getType() == Schema.Type.UNION) {
      return String.join(
          " or ",
          schema.getTypes().stream()
              .filter(t -> t.getType() != Schema.Type.NULL)
              .map(ModelCompatibility::typeName)
              .toList());
    }
    return schema.getLogicalType() != null
        ? schema.getLogicalType().getName()
        : schema.getType().getName();
  }

  /**
   * The innermost record field on the incompatibility's location (a JSON pointer into the reader
   * schema: {@code /fields/5/type/1/fields/3/type}); for a missing default, the field named.
   */
  static String attributeAt(Schema reader, Incompatibility incompatibility) {
    if (incompatibility.getType()
        == SchemaCompatibility.SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE) {
      return incompatibility.getMessage();
    }
    String field = null;
    Schema current = reader;
    String[] steps = incompatibility.getLocation().split("/");
    for (int i = 1; i < steps.length && current != null; i++) {
      String step = steps[i];
      if (current.getType() == Schema.Type.UNION && step.equals("fields")) {
        // Avro's locations step through a union to its record without naming the branch.
        current =
            current.getTypes().stream()
                .filter(t -> t.getType() == Schema.Type.RECORD)
                .findFirst()
                .orElse(current);
      }
      if (step.equals("fields")
          && i + 1 < steps.length
          && current.getType() == Schema.Type.RECORD) {
        int index = Integer.parseInt(steps[++i]);
        Schema.Field f = current.getFields().get(index);
        field = f.name();
        current = f.schema();
        if (i + 1 < steps.length && steps[i + 1].equals("type")) {
          i++;
        }
      } else if (current.getType() == Schema.Type.UNION && step.matches("\\d+")) {
        current = current.getTypes().get(Integer.parseInt(step));
      } else {
        break;
      }
    }
    return field;
  }
}
