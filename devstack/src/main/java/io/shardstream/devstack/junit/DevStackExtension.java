package io.shardstream.devstack.junit;

import io.shardstream.devstack.DynamoDbEndpoint;
import io.shardstream.devstack.KafkaEndpoint;
import io.shardstream.devstack.RegistryEndpoint;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects endpoints of the JVM-wide {@link SharedDevStack}: a parameter of type {@link
 * KafkaEndpoint}, {@link DynamoDbEndpoint} or {@link RegistryEndpoint} (in a test method, lifecycle
 * method or constructor) starts that component on first use and only that one.
 *
 * <pre>{@code
 * @ExtendWith(DevStackExtension.class)
 * class TableIT {
 *     @Test
 *     void putsAnItem(DynamoDbEndpoint dynamo) { ... dynamo.url() ... }
 * }
 * }</pre>
 *
 * <p>The shared components stop when the JUnit run ends: the first resolution stores an {@link
 * AutoCloseable} in the root context's store, which JUnit closes last.
 */
public final class DevStackExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DevStackExtension.class);
  private static final Set<Class<?>> ENDPOINT_TYPES =
      Set.of(KafkaEndpoint.class, DynamoDbEndpoint.class, RegistryEndpoint.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return ENDPOINT_TYPES.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SharedStackCloser.class, type -> new SharedStackCloser(), SharedStackCloser.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == KafkaEndpoint.class) {
      return SharedDevStack.kafka();
    }
    if (type == DynamoDbEndpoint.class) {
      return SharedDevStack.dynamoDb();
    }
    return SharedDevStack.registry();
  }

  /** Closed by JUnit with the root context, after the last test of the run. */
  private static final class SharedStackCloser implements AutoCloseable {
    @Override
    public void close() {
      SharedDevStack.stopAll();
    }
  }
}
