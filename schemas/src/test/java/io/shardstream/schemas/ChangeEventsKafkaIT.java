package io.shardstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import io.shardstream.devstack.junit.DevStackExtension;
import io.shardstream.devstack.testing.ProgressWait;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.registry.RegisteredSchema;
import io.shardstream.schemas.registry.RegistrySettings;
import io.shardstream.schemas.registry.SchemaRegistrar;
import io.shardstream.schemas.serde.ChangeEventDecoder;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.schemas.serde.DecodeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** As production runs it: schemas registered by a deployment step, events through a real broker. */
@ExtendWith(DevStackExtension.class)
class ChangeEventsKafkaIT {

  @Test
  void producedEventsComeBackDecoded(KafkaEndpoint kafka, RegistryEndpoint registry)
      throws Exception {
    RegistrySettings settings = RegistrySettings.production(registry.url());
    List<RegisteredSchema> registered = Topics.registerSchemas(new SchemaRegistrar(settings));
    assertThat(registered)
        .extracting(RegisteredSchema::subject)
        .containsExactly("users.changes-value", "emails.changes-value");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(Topics.USERS.name(), 1, (short) 1))).all().get();
    }
    ChangeEventSerdes serdes = ChangeEventSerdes.registry(settings);
    List<UserChangeEvent> sent =
        List.of(SampleEvents.userUpsert("u-1"), SampleEvents.userDelete("u-1"));

    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            Topics.USERS.keySerde().serializer(),
            Topics.USERS.valueSerde(serdes).serializer())) {
      for (UserChangeEvent event : sent) {
        producer.send(new ProducerRecord<>(Topics.USERS.name(), "u-1", event)).get();
      }
    }

    List<ConsumerRecord<String, byte[]>> received =
        consume(kafka, Topics.USERS.name(), sent.size());
    ChangeEventDecoder<UserChangeEvent> decoder = serdes.valueDecoder(UserChangeEvent.class);
    assertThat(received).extracting(ConsumerRecord::key).containsOnly("u-1");
    assertThat(received)
        .allSatisfy(
            record ->
                assertThat(record.headers().toArray()).as("ids travel in the payload").isEmpty());
    assertThat(received)
        .extracting(record -> decoder.decode(record.topic(), record.value()))
        .containsExactly(new DecodeResult.Ok<>(sent.get(0)), new DecodeResult.Ok<>(sent.get(1)));
  }

  private static List<ConsumerRecord<String, byte[]>> consume(
      KafkaEndpoint kafka, String topic, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "schemas-it",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(topic));
      ProgressWait.until(
              count + " records",
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
              })
          .progress("records read", records::size)
          .tryAwait();
    }
    return records;
  }
}
