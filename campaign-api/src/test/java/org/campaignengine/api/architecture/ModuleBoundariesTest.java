package org.campaignengine.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The modules depend one way (docs/architecture.md): api on projections on domain, never back. */
class ModuleBoundariesTest {

    /** Imported once for all the rules (a field per test instance would import them once per test). */
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.campaignengine");

    @Test
    void the_domain_knows_neither_read_models_nor_http() {
        noClasses().that().resideInAPackage("org.campaignengine.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.campaignengine.projections..",
                        "org.campaignengine.api..")
                .check(classes);
    }

    /** Decisions are pure: the campaign's package reads no database and publishes nothing; adapters do. */
    @Test
    void the_campaign_decides_without_io() {
        assertThat(classes.contain("org.campaignengine.domain.campaign.Campaign")).isTrue();
        assertThat(classes.contain("org.campaignengine.domain.campaign.ActivityAdmission")).isTrue();
        noClasses().that().resideInAPackage("org.campaignengine.domain.campaign..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventhandling.EventBus")
                .check(classes);
    }

    @Test
    void read_models_know_nothing_of_http_or_security() {
        noClasses().that().resideInAPackage("org.campaignengine.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.campaignengine.api..",
                        "org.springframework.web..", "org.springframework.security..")
                .check(classes);
    }

    @Test
    void controllers_send_commands_through_the_audited_gateway_only() {
        assertThat(classes.contain("org.campaignengine.api.campaigns.CampaignCommandController")).isTrue();
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.commandhandling.gateway.CommandGateway")
                .check(classes);
    }

    /**
     * Every package of every module is a slice of its own (the root of {@code campaign-api} too), and no slice
     * reaches back to one that reaches it: a feature can be read, changed and moved on its own.
     */
    @Test
    void no_package_of_any_module_is_in_a_cycle() {
        assertThat(classes.contain("org.campaignengine.api.EngineProperties")).isTrue();
        assertThat(classes.contain("org.campaignengine.projections.tables.NewRows")).isTrue();
        slices().matching("org.campaignengine.(**)").should().beFreeOfCycles().check(classes);
    }

    /** A feature of the HTTP API keeps its controller, its configuration and its adapters in one package. */
    @Test
    void shared_web_code_knows_no_feature() {
        noClasses().that().resideInAPackage("org.campaignengine.api.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.campaignengine.api.campaigns..",
                        "org.campaignengine.api.activity..", "org.campaignengine.api.readmodels..",
                        "org.campaignengine.api.audit..", "org.campaignengine.api.privacy..",
                        "org.campaignengine.api.accounts..", "org.campaignengine.api.security..",
                        "org.campaignengine.api.admin..", "org.campaignengine.api.deadletters..",
                        "org.campaignengine.api.idempotency..", "org.campaignengine.api.engine..",
                        "org.campaignengine.api.eventstore..")
                .check(classes);
    }
}
