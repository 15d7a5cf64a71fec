package org.campaignengine.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;

/** The domain depends on Axon only: no Spring beyond the {@code @Aggregate} stereotype, no JPA, no system clock. */
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
            .because("the domain reads time from the injected Clock, so tests and timers agree on it");
}
