package org.newsdesk.resignations;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;


import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;

/**
 * The layers of docs/ARCHITECTURE.md, checked on the main classes: a package cycle, a JDA type
 * outside {@code discord} or an outer layer reached from the core fails the build, not a review.
 */
@AnalyzeClasses(packages = "org.newsdesk.resignations", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.newsdesk.resignations";
    private static final String JDA = "net.dv8tion";

    /** No cycle between the top-level packages: dependencies flow one way, inward. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /**
     * Only the Discord layer knows JDA, so the core, the console and the tests run without it. A
     * type named only in a {@code catch} is no dependency to ArchUnit, so caught types are checked
     * too.
     */
    @ArchTest
    static final ArchRule onlyDiscordUsesJda = classes().that().resideOutsideOfPackage(ROOT + ".discord..")
            .should(notUseJda());

    private static ArchCondition<JavaClass> notUseJda() {
        return new ArchCondition<>("not depend on or catch JDA types (net.dv8tion..)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    if (d.getTargetClass().getPackageName().startsWith(JDA)) {
                        events.add(SimpleConditionEvent.violated(c, d.getDescription()));
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    for (TryCatchBlock t : u.getTryCatchBlocks()) {
                        for (JavaClass caught : t.getCaughtThrowables()) {
                            if (caught.getPackageName().startsWith(JDA)) {
                                events.add(SimpleConditionEvent.violated(c, u.getFullName() + " catches "
                                        + caught.getName() + " in " + t.getSourceCodeLocation()));
                            }
                        }
                    }
                }
            }
        };
    }

    /**
     * The core answers questions about the dataset; it never reaches the outer layers that
     * source the dataset, keep state, take entries, notify or talk to Discord.
     */
    @ArchTest
    static final ArchRule coreStaysInside = noClasses()
            .that().resideInAnyPackage(ROOT + ".dataset..", ROOT + ".search..", ROOT + ".query..", ROOT + ".factcheck..",
                    ROOT + ".render..", ROOT + ".commands..", ROOT + ".chart..", ROOT + ".export..")
            .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".notify..", ROOT + ".store..", ROOT + ".intake..",
                    ROOT + ".discord..", ROOT + ".app..", ROOT + ".sourcing.."));

    /** Every package says that nothing is null unless marked (package-info.java with {@code @NullMarked}). */
    @ArchTest
    static void everyPackageIsNullMarked(JavaClasses classes) {
        Set<String> packages = classes.stream().map(JavaClass::getPackageName)
                .filter(n -> n.startsWith(ROOT + ".")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).isNotEmpty().allSatisfy(n -> assertThat(classes.getPackage(n).isAnnotatedWith(NullMarked.class))
                .as("%s has a package-info.java annotated @NullMarked", n).isTrue());
    }
}
