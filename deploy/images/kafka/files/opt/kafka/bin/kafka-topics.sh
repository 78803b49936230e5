#!/bin/bash
# As in the Kafka distribution: create, list, describe topics.
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.TopicCommand "$@"
