package com.complaintdesk.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.sla.SlaClockEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.StandardEnvironment;

/** The expressions process owners may write, and a table of those they may not (#15). */
class ExpressionCheckerTest {

    /** A bean of the application with one method marked for process expressions and one not. */
    public static class Approvals {

        @ProcessExpression("Whether the amount needs a supervisor's approval")
        public boolean needsApproval(Object execution) {
            return execution != null;
        }

        public void resetAll() {}

        public String getLimit() {
            return "100";
        }
    }

    static final Map<String, Class<?>> BEANS = Map.of(
            "approvals",
            Approvals.class,
            "slaClockEvents",
            SlaClockEvents.class,
            "environment",
            StandardEnvironment.class,
            "systemProperties",
            java.util.Properties.class,
            "processEngine",
            org.camunda.bpm.engine.ProcessEngine.class);

    final ExpressionChecker checker = new ExpressionChecker(name -> Optional.ofNullable(BEANS.get(name)));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${amount > 100}",
                "#{amount > 100}",
                "${tier == 'T1' || tier == 'T2'}",
                "${tier == 'T1' ? 'supervisors,legal' : 'legal'}",
                "${not approved and empty note}",
                "${-amount + 2 * 3 / 4 % 5 - 1 >= 0 && x lt 3}",
                "${now()}",
                "${dateTime()}",
                "${currentUser()}",
                "${currentUserGroups()}",
                "${authenticatedUserId}",
                "${triageResult.suggestedTier}",
                "${order['sku']}",
                "${items[0]}",
                "${approvals.limit}",
                "Dear ${customerName}, thank you",
                "${execution.getVariable('extortionGuarded') == true ? 0 : compensationResult.approvalLimit}",
                "${execution.setVariable('replyDecision', null)}",
                "${task.getVariableLocal('x') != null}",
                "${task.setVariable('seen', execution.getVariable('x'))}",
                "${approvals.needsApproval(execution)}",
                "${slaClockEvents.stopped(execution, 'resolution')}",
                "plain text without an expression",
            })
    void allows(String expression) {
        assertThat(checker.check(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${''.getClass().forName('java.lang.Runtime')}",
                "${''.getClass()}",
                "${'a'.concat('b')}",
                "${tier.toString()}",
                "${execution.class}",
                "${execution.Class}",
                "${execution['class']}",
                "${execution.getClass()}",
                "${x.class.classLoader}",
                "${x.classLoader}",
                "${x.declaringClass}",
                "${x.module}",
                "${x.protectionDomain}",
                "${x['protectionDomain']}",
                "${execution.processEngine}",
                "${execution.processEngineServices.runtimeService}",
                "${execution.getProcessEngineServices()}",
                "${execution.getProcessEngine().getIdentityService()}",
                "${execution.getVariable('a').getClass()}",
                "${execution.setVariable('a', ''.getClass())}",
                "${execution.setVariable('a', x.class)}",
                "${(execution).getVariable('a')}",
                "${execution['getVariable']('a')}",
                "${approvals.resetAll()}",
                "${approvals.toString()}",
                "${approvals.needsApproval(''.getClass())}",
                "${slaClockEvents.stopped(execution, 'resolution').getClass()}",
                "${environment.getProperty('spring.datasource.password')}",
                "${environment}",
                "${systemProperties['user.home']}",
                "${processEngine.name}",
                "${dateTime().plusDays(1).toDate()}",
                "${now().getClass()}",
                "${fn:exec('x')}",
                "${exec('x')}",
                "${map[key]}",
                "${map[key.class]}",
                "${a.b.c()}",
                "text ${x.class} text",
                "#{''.getClass()}",
                "${unclosed",
                "${a +}",
                "${x -> x}",
                "${a; b}",
                "${a += b}",
                "${adminProperties.password}",
                "${wechatProperties['appSecret']}",
            })
    void refuses(String expression) {
        assertThat(checker.check(expression)).as(expression).isNotEmpty();
    }

    @Test
    void everyExpressionOfTheApplicationsDiagramsIsAllowed() throws IOException {
        ExpressionChecker withApplicationBeans = new ExpressionChecker(ApplicationBeans.byDefaultName());
        TreeSet<String> expressions = new TreeSet<>();
        Pattern expression = Pattern.compile("[$#]\\{[^}]*}");
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = expression.matcher(unescape(Files.readString(file)));
                while (matcher.find()) {
                    expressions.add(matcher.group());
                }
            }
        }
        assertThat(expressions)
                .hasSizeGreaterThan(50)
                .contains(
                        "${compensationApproval.needsApproval(execution)}",
                        "${templateBlanks.fillCaseFacts(execution)}");
        for (String text : expressions) {
            assertThat(withApplicationBeans.check(text)).as(text).isEmpty();
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&gt;", ">")
                .replace("&lt;", "<")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void aMethodMustBeMarkedInEveryOverloadItCouldReach() {
        assertThat(ExpressionChecker.markedMethod(Approvals.class, "needsApproval", 1))
                .isTrue();
        assertThat(ExpressionChecker.markedMethod(Approvals.class, "needsApproval", 2))
                .isFalse();
        assertThat(ExpressionChecker.markedMethod(Approvals.class, "resetAll", 0))
                .isFalse();
        assertThat(ExpressionChecker.markedMethod(Approvals.class, "wait", 0)).isFalse();
    }
}
