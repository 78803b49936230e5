package io.shardstream.bench.writer;

import io.shardstream.core.keys.EntityManager;
import io.shardstream.ingest.ChangeRecord;
import io.shardstream.ingest.generate.EventGenerator;
import io.shardstream.ingest.generate.EventKind;
import io.shardstream.ingest.generate.GeneratedEvent;
import io.shardstream.ingest.generate.GeneratorOptions;
import io.shardstream.schemas.avro.Email;
import io.shardstream.schemas.avro.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events {@code bench writer} pre-produces: ingest's deterministic generator with every "mess"
 * share at 0, so each event creates a user or an email (valid UPSERTs, one table write each in the
 * writer), and the table items they must become.
 *
 * @param users user creations among the events
 * @param emails email creations among the events
 */
record WriterWorkload(List<ChangeRecord> records, int users, int emails, long seed) {

  WriterWorkload {
    records = List.copyOf(records);
  }

  int events() {
    return records.size();
  }

  /**
   * The first {@code events} events of a creation-only stream. Every user brings 1-3 addresses, so
   * {@code events / 2} users are more than enough; the stream is cut at {@code events}.
   */
  static WriterWorkload generate(int events, long seed) {
    // Valid timestamps lie before the generator's "now": keep it in the past of this clock, or
    // the writer would dead-letter creations as created in the future.
    Instant base = GeneratorOptions.DEFAULT_BASE_TIME;
    Instant now = Instant.now();
    if (now.isBefore(base)) {
      base = now.minusSeconds(3_600);
    }
    GeneratorOptions options =
        GeneratorOptions.defaults()
            .withUsers(events / 2 + 10)
            .withSeed(seed)
            .withRates(0, 0, 0, 0, 0)
            .withBaseTime(base);
    EventGenerator generator = new EventGenerator(options);
    List<ChangeRecord> records = new ArrayList<>(events);
    int users = 0;
    int emails = 0;
    while (records.size() < events && generator.hasNext()) {
      GeneratedEvent event = generator.next();
      if (event.kind() != EventKind.CREATE) {
        throw new IllegalStateException("a creation-only stream made a " + event.kind() + " event");
      }
      switch (event.record()) {
        case ChangeRecord.UserEventRecord ignored -> users++;
        case ChangeRecord.EmailEventRecord ignored -> emails++;
        case ChangeRecord.Undecodable ignored ->
            throw new IllegalStateException("a creation-only stream made undecodable bytes");
        case ChangeRecord.EntityEvent ignored ->
            throw new IllegalStateException("the User/Email generator made an entity event");
      }
      records.add(event.record());
    }
    if (records.size() < events) {
      throw new IllegalStateException(
          "the generator ended after " + records.size() + " of " + events + " events");
    }
    return new WriterWorkload(records, users, emails, seed);
  }

  /**
   * The table items the events become, keyed as the writer keys them ({@code addKeys}), built here
   * from the events rather than with the writer's code.
   */
  List<Map<String, Object>> items(EntityManager entities) {
    List<Map<String, Object>> items = new ArrayList<>(records.size());
    for (ChangeRecord record : records) {
      switch (record) {
        case ChangeRecord.UserEventRecord change ->
            items.add(entities.addKeys("user", userItem(change.event().getUser())));
        case ChangeRecord.EmailEventRecord change ->
            items.add(entities.addKeys("email", emailItem(change.event().getEmail())));
        case ChangeRecord.Undecodable ignored -> throw new IllegalStateException("undecodable");
        case ChangeRecord.EntityEvent ignored -> throw new IllegalStateException("entity event");
      }
    }
    return items;
  }

  static Map<String, Object> userItem(User user) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("userId", user.getUserId());
    item.put("beneficiaryId", user.getBeneficiaryId());
    item.put("firstName", user.getFirstName());
    item.put("lastName", user.getLastName());
    if (user.getPhone() != null) {
      item.put("phone", user.getPhone());
    }
    item.put("created", user.getCreated().toEpochMilli());
    item.put("updated", user.getUpdated().toEpochMilli());
    if (user.getLocale() != null) {
      item.put("locale", user.getLocale());
    }
    return item;
  }

  static Map<String, Object> emailItem(Email email) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("email", email.getEmail());
    item.put("userId", email.getUserId());
    item.put("created", email.getCreated().toEpochMilli());
    return item;
  }
}
