#!/bin/bash
# As in the Kafka distribution: consumer groups and their lag.
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
