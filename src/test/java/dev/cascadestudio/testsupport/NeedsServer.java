package dev.cascadestudio.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test or property that needs a database server. JUnit tests take
 * {@code @ExtendWith(ServerCheck.class)}, jqwik properties {@code @AddLifecycleHook(ServerCheck.class)}:
 * either way the test is skipped with the reason when the server is unreachable, or fails under CI=true.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NeedsServer {
    ServerDatabases.Server value();
}
