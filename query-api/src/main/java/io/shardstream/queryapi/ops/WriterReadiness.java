package io.shardstream.queryapi.ops;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One writer's answer to {@code /health/ready}.
 *
 * @param checks the writer's checks as it reported them (null when it did not answer)
 * @param problem why it could not be asked, else null
 */
public record WriterReadiness(String url, boolean ready, JsonNode checks, String problem) {}
