package dev.cascadestudio.ui.graph;

import dev.cascadestudio.diagram.GraphDiagram;
import dev.cascadestudio.diagram.PlanHighlight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.cascade.DeletePlan;
import dev.cascadestudio.cascade.Root;
import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.persistence.demo.RowBuilder;
import dev.cascadestudio.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the graph view draws and lights up, decided without a window, on the demo database. */
class CascadeGraphViewModelTest {

    @TempDir static Path dir;
    static DemoCascade demo;

    @BeforeAll
    static void open() {
        demo = new DemoCascade(dir);
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    static Set<String> names(List<ForeignKeyRule> edges) {
        return edges.stream().map(e -> e.parentTable() + " → " + e.childTable() + "." + e.column()).collect(Collectors.toSet());
    }

    @Test
    void foldsLabelTablesIntoChipsAndDrawsOnlyTheOwnerEdgeThatHoldsProjectsUnderUsers() {
        GraphDiagram diagram = GraphDiagram.of(demo.graph, false, false);

        assertThat(diagram.tables()).containsExactly("user", "project", "data_source", "dataset", "model", "prompt",
                "document", "workflow", "session", "deployment", "schedule", "run");
        assertThat(diagram.edges()).noneMatch(ForeignKeyRule::isLabelRule);
        assertThat(diagram.edges().stream().filter(ForeignKeyRule::isOwnerRule).toList())
                .singleElement().satisfies(e -> assertThat(e.childTable()).isEqualTo("project"));
        assertThat(diagram.edges()).hasSize(14);
        assertThat(diagram.labelTableOf("workflow")).contains("workflow_labels");
    }

    @Test
    void ownerEdgesToggleDrawsEveryNonLabelRule() {
        GraphDiagram diagram = GraphDiagram.of(demo.graph, false, true);

        assertThat(diagram.edges()).containsExactlyElementsOf(
                demo.graph.edges().stream().filter(e -> !e.isLabelRule()).toList());
    }

    @Test
    void labelTablesToggleDrawsEachLabelTableAsANode() {
        GraphDiagram diagram = GraphDiagram.of(demo.graph, true, false);

        assertThat(diagram.tables()).hasSize(24).contains("project_labels", "run_labels");
        assertThat(diagram.isLabelTable("project_labels")).isTrue();
        assertThat(diagram.isLabelTable("project")).isFalse();
        assertThat(diagram.labelTableOf("project")).isEmpty();
        assertThat(diagram.edges().stream().filter(ForeignKeyRule::isLabelRule)).hasSize(12);
    }

    @Test
    void highlightCountsWhatThePlanDeletesAndNullsPerTable() {
        PlanHighlight highlight = PlanHighlight.of(demo.supportPlan);

        assertThat(highlight.roots()).containsExactly("project");
        assertThat(highlight.deletedFrom("workflow")).isEqualTo(3);
        assertThat(highlight.deletedFrom("run")).isZero();
        assertThat(highlight.nulledIn("run")).as("workflow_id 8 + schedule_id 6").isEqualTo(14);
        assertThat(highlight.nulledIn("deployment")).isEqualTo(1);
        assertThat(highlight.deletedFrom("project_labels")).isEqualTo(2);
        assertThat(highlight.summary()).isEqualTo(demo.supportPlan.summary());
    }

    @Test
    void highlightLightsExactlyTheEdgesWhoseParentLosesRowsAndWhoseChildTheyReach() {
        DeletePlan plan = demo.supportPlan;
        PlanHighlight highlight = PlanHighlight.of(plan);

        List<ForeignKeyRule> lit = demo.graph.edges().stream().filter(highlight::isOnPath).toList();
        List<ForeignKeyRule> expected = demo.graph.edges().stream().filter(e -> reaches(plan, e)).toList();
        assertThat(lit).containsExactlyElementsOf(expected);
        assertThat(names(lit)).contains("workflow → schedule.workflow_id", "schedule → run.schedule_id",
                "model → deployment.model_id").doesNotContain("workflow → deployment.workflow_id", "user → project.owner_id");
        assertThat(highlight.countAlong(find("schedule", "run", "schedule_id"))).isEqualTo(6);
        assertThat(highlight.countAlong(find("project", "workflow", "project_id"))).isEqualTo(3);
    }

    /** The parent loses rows, and the child loses rows (DELETE) or has this column nulled (SET NULL). */
    static boolean reaches(DeletePlan plan, ForeignKeyRule e) {
        DeletePlan.Effect parent = plan.deletedFrom(e.parentTable());
        DeletePlan.Effect child = e.action() == ForeignKeyRule.Action.DELETE ? plan.deletedFrom(e.childTable())
                : plan.nulledIn(e.childTable(), e.column());
        return parent != null && parent.count() > 0 && child != null && child.count() > 0;
    }

    static ForeignKeyRule find(String parent, String child, String column) {
        return demo.graph.edges().stream().filter(e -> e.parentTable().equals(parent) && e.childTable().equals(child)
                && e.column().equals(column)).findFirst().orElseThrow();
    }

    @Test
    void summaryFollowsTheToggleAndThePreview() {
        CascadeGraphViewModel viewModel = new CascadeGraphViewModel();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("No cascade graph");

        viewModel.graphProperty().set(demo.graph);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("12 tables · 14 rules");
        viewModel.showOwnerEdgesProperty().set(true);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("12 tables · 24 rules");

        viewModel.highlight(demo.supportPlan);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("Preview: Delete 31 rows, set 18 values in 12 rows to NULL");
        viewModel.clearHighlight();
        assertThat(viewModel.highlightProperty().get()).isNull();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("12 tables · 24 rules");
    }

    @Test
    void previewOfAUserDeleteSaysItTravelsAlongHiddenOwnerEdges() {
        CascadeGraphViewModel viewModel = new CascadeGraphViewModel();
        viewModel.graphProperty().set(demo.graph);
        DeletePlan alice = demo.cascade.plan(List.of(new Root("user", RowBuilder.uid("user", "alice"))));

        viewModel.highlight(alice);
        assertThat(viewModel.summaryProperty().get())
                .isEqualTo("Preview: " + alice.summary() + " · through 10 hidden owner_id rules");
        viewModel.showOwnerEdgesProperty().set(true);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("Preview: " + alice.summary());
    }

    @Test
    void rowCountsAreLoadedInTheBackgroundAndAFailureIsSaidInOneSentence() {
        CascadeGraphViewModel viewModel = new CascadeGraphViewModel();
        viewModel.graphProperty().set(demo.graph);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

        viewModel.loadRowCounts(executor, () -> Map.of("run", 15L));
        assertThat(viewModel.rowCountsProperty().get()).containsEntry("run", 15L);
        assertThat(viewModel.busyProperty().get()).isFalse();

        viewModel.loadRowCounts(executor, () -> {
            throw new IllegalStateException("connection lost");
        });
        assertThat(viewModel.summaryProperty().get())
                .isEqualTo("12 tables · 14 rules · Row counts unavailable: The database reported an error: connection lost");
        assertThat(viewModel.rowCountsProperty().get()).as("the last counts stay").containsEntry("run", 15L);
    }
}
