#!/bin/bash
# As in the Kafka distribution: records to standard output.
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
