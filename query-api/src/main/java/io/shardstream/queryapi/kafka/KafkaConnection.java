package io.shardstream.queryapi.kafka;

import io.shardstream.service.CommonSettings;
import io.shardstream.service.Setting;
import java.util.Map;

/**
 * The query API's one Kafka connection setting, shared by what reads Kafka: the live changes
 * ({@code /v1/changes}), the dead letters and the pipeline's lag. The keys are the writer's, so a
 * deployment sets them once for both.
 */
public final class KafkaConnection {
  private KafkaConnection() {}

  public static final Setting<Map<String, String>> KAFKA =
      CommonSettings.KAFKA.withDoc(
          "Kafka client settings (security, tuning) for the live changes, the dead letters and the"
              + " pipeline's lag, passed through without the prefix: the same keys the writer"
              + " reads (the change feed's consumer always reads `read_committed`, without a"
              + " consumer group)");

  public static final Setting<String> BOOTSTRAP =
      CommonSettings.KAFKA_BOOTSTRAP_SERVERS
          .withDefault("")
          .withDoc(
              "the brokers the writer uses; empty: no live changes, dead letters or pipeline view"
                  + " (their endpoints answer 503 naming this key)")
          .defaultShownAs("empty (no Kafka)");
}
