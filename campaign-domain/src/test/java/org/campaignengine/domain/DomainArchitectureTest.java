package org.campaignengine.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain depends on Axon only: no Spring beyond the {@code @Aggregate} stereotype, no JPA, no clock, no random ids. */
@AnalyzeClasses(packages = "org.campaignengine.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    private static final DescribedPredicate<JavaClass> SPRING_BEYOND_THE_AGGREGATE_STEREOTYPE =
            DescribedPredicate.describe("Spring, other than org.axonframework.spring.stereotype.Aggregate",
                    c -> (c.getPackageName().startsWith("org.springframework")
                            || c.getPackageName().startsWith("org.axonframework.spring"))
                            && !c.getName().equals("org.axonframework.spring.stereotype.Aggregate"));

    @ArchTest
    static final ArchRule no_spring_but_the_aggregate_stereotype = noClasses()
            .should().dependOnClassesThat(SPRING_BEYOND_THE_AGGREGATE_STEREOTYPE);

    @ArchTest
    static final ArchRule no_jpa = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "javax.persistence..");

    @ArchTest
    static final ArchRule no_system_clock = noClasses()
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time is an input of every decision (HandledAt), so tests and timers agree on it");

    @ArchTest
    static final ArchRule no_clock_at_all = noClasses()
            .should().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
            .because("the engine stamps the time on each command and timer; the domain never reads a clock");

    @ArchTest
    static final ArchRule no_random_ids = noClasses()
            .should().callMethod(java.util.UUID.class, "randomUUID")
            .because("ids are inputs or derived from inputs, so a replay or a retried command decides the same");
}
