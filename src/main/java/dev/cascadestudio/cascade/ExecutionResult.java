package dev.cascadestudio.cascade;

import java.nio.file.Path;

/** A committed delete: the plan it applied and the snapshot that can undo it. */
public record ExecutionResult(DeletePlan plan, Path snapshot, long statements) {}
