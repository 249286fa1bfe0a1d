package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascadestudio.domain.ForeignKeyRule;
import dev.cascadestudio.domain.Project;
import dev.cascadestudio.domain.Run;
import dev.cascadestudio.domain.User;
import dev.cascadestudio.domain.Workflow;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rules are read from the entity classes, without a session factory: Hibernate, given the same
 * classes, must see the same collections, each holding the same entity.
 */
class MappingRulesTest {

    @Test
    void theRulesNameEveryCollectionHibernatesMetamodelHasAndNoOther() {
        Set<String> hibernate = new TreeSet<>();
        try (Database database = Database.open("jdbc:h2:mem:mapping-rules", null, null, Database.EmptyDatabase.CREATE_SCHEMA)) {
            for (EntityType<?> entity : database.sessionFactory().getMetamodel().getEntities()) {
                for (PluralAttribute<?, ?, ?> attribute : entity.getPluralAttributes()) {
                    hibernate.add(entity.getJavaType().getSimpleName() + "." + attribute.getName() + " -> "
                            + attribute.getElementType().getJavaType().getSimpleName());
                }
            }
        }
        Set<String> read = new TreeSet<>();
        for (ForeignKeyRule rule : MappingRules.read()) {
            read.add(rule.parentEntity().getSimpleName() + "." + rule.attribute() + " -> " + rule.childEntity().getSimpleName());
        }
        assertThat(hibernate).as("Hibernate maps collections").hasSizeGreaterThan(30);
        assertThat(read).isEqualTo(hibernate);
    }

    @Test
    void aRuleSaysItsColumnActionAndLevelAsTheSchemaDocumentDoes() {
        // DATABASE_SCHEMA.md: Run.workflow_id SET NULL, enforced by the database (ON DELETE SET NULL)
        assertThat(MappingRules.read()).anySatisfy(rule -> {
            assertThat(rule.parentEntity()).isEqualTo(Workflow.class);
            assertThat(rule.childEntity()).isEqualTo(Run.class);
            assertThat(rule.column()).isEqualTo("workflow_id");
            assertThat(rule.action()).isEqualTo(ForeignKeyRule.Action.SET_NULL);
            assertThat(rule.level()).isEqualTo(ForeignKeyRule.Level.DB);
        });
        assertThat(MappingRules.read()).anySatisfy(rule -> {
            assertThat(rule.parentEntity()).isEqualTo(User.class);
            assertThat(rule.childEntity()).isEqualTo(Project.class);
            assertThat(rule.column()).isEqualTo("owner_id");
        });
    }
}
