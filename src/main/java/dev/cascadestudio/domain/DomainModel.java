package dev.cascadestudio.domain;

import java.util.List;

/**
 * The mapped entity classes, in the order the schema document lists their tables. Each is mapped
 * {@code @Proxy(lazy = false)}: nothing refers to an entity lazily (no to-one association, no
 * {@code getReference}), and ByteBuddy's class generation, most of it these proxies, was about a third
 * of opening the database in the profile of the window's start.
 */
public final class DomainModel {

    public static final List<Class<? extends BaseEntity>> TABLES = List.of(
            User.class, Project.class, DataSource.class, Dataset.class, Model.class, Prompt.class,
            Document.class, Workflow.class, Session.class, Deployment.class, Schedule.class, Run.class);

    public static final List<Class<? extends LabelEntity>> LABEL_TABLES = List.of(
            UserLabel.class, ProjectLabel.class, DataSourceLabel.class, DatasetLabel.class,
            ModelLabel.class, PromptLabel.class, DocumentLabel.class, WorkflowLabel.class,
            SessionLabel.class, DeploymentLabel.class, ScheduleLabel.class, RunLabel.class);

    private DomainModel() {}

    public static List<Class<?>> allEntityClasses() {
        return java.util.stream.Stream.concat(TABLES.stream(), LABEL_TABLES.stream())
                .<Class<?>>map(c -> c).toList();
    }
}
