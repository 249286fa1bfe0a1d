package dev.cascadestudio.testsupport;

import java.util.Optional;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips a {@link NeedsServer} test or property whose server is unreachable; under CI=true lets it run and fail. */
public final class ServerCheck implements ExecutionCondition, SkipExecutionHook {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<NeedsServer> needs = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsServer.class));
        Optional<String> reason = needs.flatMap(n -> ServerDatabases.unreachable(n.value()));
        return reason.isEmpty() || ServerDatabases.ci()
                ? ConditionEvaluationResult.enabled("server reachable or CI=true")
                : ConditionEvaluationResult.disabled(reason.get());
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Optional<String> reason = context.findAnnotation(NeedsServer.class).flatMap(n -> ServerDatabases.unreachable(n.value()));
        return reason.isEmpty() || ServerDatabases.ci() ? SkipResult.doNotSkip() : SkipResult.skip(reason.get());
    }
}
