package com.complaintdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Camunda Form in {@code forms/}: what Tasklist 7.24 needs to render it, what agents need to read it (English and
 * Chinese labels, an opening text citing the playbook rules) and the keys and option values the lifecycle design
 * fixes, which the BPMN, the decisions and the application read back.
 */
class FormFilesTest {

    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern RULE_ID = Pattern.compile("\\b[TPFCRXEA]\\d\\b");

    /** Forms of supervisors, owners and legal; every other form is an agent's and offers the T5 escalation. */
    private static final Set<String> NOT_AGENT_FORMS = Set.of(
            "sla-breach",
            "approve-reply",
            "approve-compensation",
            "hold-retrospective",
            "take-over-crisis",
            "decide-on-pause",
            "draft-statement",
            "approve-statement",
            "handle-failed-delivery",
            "review-extortion-risk",
            "decide-systemic-fix",
            "review-product-digest");

    /** The components Camunda Forms renders in Tasklist 7.24 that this project uses. */
    private static final Set<String> PLAIN_COMPONENTS =
            Set.of("text", "textfield", "textarea", "number", "checkbox", "select", "radio");

    private static final List<String> PACKAGES = List.of(
            "full_refund",
            "partial_refund",
            "reshipment",
            "reshipment_gift",
            "full_refund_return_shipping",
            "coupon",
            "gift");
    private static final List<String> ROOT_CAUSES =
            List.of("quality", "logistics", "service_attitude", "misunderstanding", "other");
    private static final List<String> DECISIONS = List.of("approve", "reject");
    private static final List<String> YES_NO = List.of("yes", "no");

    @Test
    void theFormsDirectoryHoldsExactlyTheFormsOfTheDesign() {
        assertThat(forms().map(form -> idOf(form.getPayload())))
                .containsExactlyInAnyOrder(
                        "confirm-triage",
                        "sla-breach",
                        "draft-reply",
                        "approve-reply",
                        "prepare-follow-up",
                        "contact-customer",
                        "offer-compensation",
                        "record-customer-choice",
                        "approve-compensation",
                        "confirm-resolution",
                        "record-review-outcome",
                        "close-case",
                        "hold-retrospective",
                        "take-over-crisis",
                        "decide-on-pause",
                        "draft-statement",
                        "approve-statement",
                        "handle-failed-delivery",
                        "review-extortion-risk",
                        "decide-systemic-fix",
                        "review-product-digest");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void isACamundaPlatformFormNamedAfterItsFile(Path file) {
        JsonNode form = read(file);
        assertThat(form.path("id").asText()).isEqualTo(idOf(file));
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        assertThat(form.path("components").isArray()).as("components").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void opensWithABilingualTextThatSaysWhichRulesApply(Path file) {
        JsonNode first = read(file).path("components").path(0);
        assertThat(first.path("type").asText()).isEqualTo("text");
        assertThat(first.path("text").asText())
                .startsWith("### ")
                .contains(" / ")
                .containsPattern(CJK)
                .containsPattern(RULE_ID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void usesOnlyPlainComponentsTasklistRendersWithoutExpressions(Path file) {
        for (JsonNode component : components(file)) {
            assertThat(component.path("type").asText()).as(describe(component)).isIn(PLAIN_COMPONENTS);
            assertThat(component.has("conditional"))
                    .as(describe(component) + " conditional")
                    .isFalse();
            component.fields().forEachRemaining(field -> assertThat(
                            field.getValue().asText())
                    .as(describe(component) + " " + field.getKey())
                    .doesNotStartWith("="));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void labelsEveryFieldInEnglishAndChinese(Path file) {
        for (JsonNode component : fields(file)) {
            assertThat(component.path("label").asText())
                    .as(describe(component))
                    .contains(" / ")
                    .containsPattern(CJK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void usesEachKeyAndEachComponentIdOnce(Path file) {
        List<String> keys =
                fields(file).stream().map(c -> c.path("key").asText()).toList();
        List<String> ids =
                components(file).stream().map(c -> c.path("id").asText()).toList();
        assertThat(keys).as("keys").doesNotHaveDuplicates();
        assertThat(ids).as("ids").doesNotContain("").doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void offersEverySelectAndRadioDistinctBilingualValues(Path file) {
        for (JsonNode component : components(file)) {
            String type = component.path("type").asText();
            if (!type.equals("select") && !type.equals("radio")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode option : component.path("values")) {
                values.add(option.path("value").asText());
                assertThat(option.path("label").asText())
                        .as(describe(component) + " option " + option)
                        .contains(" / ")
                        .containsPattern(CJK);
            }
            assertThat(values)
                    .as(describe(component))
                    .isNotEmpty()
                    .doesNotContain("")
                    .doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void asksForAMinimumLengthOnEveryRequiredFreeText(Path file) {
        for (JsonNode component : fields(file)) {
            if (component.path("type").asText().equals("textarea")
                    && editable(component)
                    && component.path("validate").path("required").asBoolean(false)) {
                assertThat(component.path("validate").path("minLength").asInt(0))
                        .as(describe(component))
                        .isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void limitsEveryFreeTextToWhatTheEngineStoresAsOneString(Path file) {
        // a longer text would fail in the database; the form rules turn it into a 400 naming the field
        for (JsonNode component : fields(file)) {
            if (List.of("textarea", "textfield").contains(component.path("type").asText()) && editable(component)) {
                assertThat(component.path("validate").path("maxLength").asInt(0))
                        .as(describe(component))
                        .isBetween(1, 4000);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentForms")
    void agentFormOffersTheCrisisEscalationUncheckedByDefault(Path file) {
        JsonNode escalate = field(file, "escalateToCrisis");
        assertThat(escalate.path("type").asText()).isEqualTo("checkbox");
        assertThat(editable(escalate)).as("editable").isTrue();
        assertThat(escalate.path("defaultValue").isBoolean())
                .as("defaultValue is a boolean")
                .isTrue();
        assertThat(escalate.path("defaultValue").asBoolean()).as("defaultValue").isFalse();
    }

    @ParameterizedTest(name = "{0} offers exactly the design''s values for {1}")
    @MethodSource("designedOptions")
    void selectOffersExactlyTheValuesOfTheDesign(String form, String key, List<String> expected) {
        JsonNode select = field(FORMS.resolve(form + ".form"), key);
        assertThat(select.path("type").asText()).isIn("select", "radio");
        List<String> values = new ArrayList<>();
        select.path("values").forEach(option -> values.add(option.path("value").asText()));
        assertThat(values).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> designedOptions() {
        List<String> chosen = new ArrayList<>(PACKAGES);
        chosen.add("declined");
        return Stream.of(
                arguments("confirm-triage", "tier", List.of("T1", "T2", "T3")),
                arguments(
                        "confirm-triage",
                        "category",
                        List.of(
                                "safety",
                                "fraud",
                                "quality",
                                "shipping_delay",
                                "packaging_damage",
                                "service_attitude",
                                "product_misunderstanding",
                                "suggestion",
                                "other")),
                arguments("approve-reply", "replyDecision", DECISIONS),
                arguments("prepare-follow-up", "rootCause", ROOT_CAUSES),
                arguments("prepare-follow-up", "customerType", List.of("apology", "compensation")),
                arguments(
                        "prepare-follow-up", "contactChannel", List.of("phone", "platform_message", "email", "wechat")),
                arguments("contact-customer", "contactOutcome", List.of("reached", "left_message", "not_reached")),
                arguments("offer-compensation", "compensationOption1", PACKAGES),
                arguments("offer-compensation", "compensationOption2", PACKAGES),
                arguments("offer-compensation", "compensationOption3", PACKAGES),
                arguments("record-customer-choice", "chosenCompensation", chosen),
                arguments("approve-compensation", "compensationDecision", DECISIONS),
                arguments("confirm-resolution", "problemResolved", YES_NO),
                arguments("confirm-resolution", "customerSatisfied", List.of("yes", "no", "unknown")),
                arguments("record-review-outcome", "reviewOutcome", List.of("updated", "declined")),
                arguments("close-case", "rootCause", ROOT_CAUSES),
                arguments(
                        "close-case",
                        "customerSatisfaction",
                        List.of("satisfied", "neutral", "unsatisfied", "unknown")),
                arguments("hold-retrospective", "retrospectiveCause", List.of("systemic", "individual")),
                arguments("decide-on-pause", "pauseDecision", List.of("pause", "keep")),
                arguments("approve-statement", "statementDecision", DECISIONS),
                arguments("handle-failed-delivery", "deliveryDecision", List.of("retry", "manual")),
                arguments("review-extortion-risk", "extortionReviewDecision", List.of("guard", "clear")),
                arguments(
                        "decide-systemic-fix",
                        "systemicFixDecision",
                        List.of("change_process", "change_supplier_or_product", "accept_and_monitor")));
    }

    /**
     * What a person can change on each form, as the design fixes it: key, type, required, minimum length or value,
     * and a checkbox's default. Everything else on the form is read-only context.
     */
    @ParameterizedTest(name = "{0} lets its user change exactly {1}")
    @MethodSource("designedInputs")
    void formLetsItsUserChangeExactlyTheInputsOfTheDesign(String form, List<String> expected) {
        List<String> inputs = fields(FORMS.resolve(form + ".form")).stream()
                .filter(FormFilesTest::editable)
                .map(FormFilesTest::input)
                .toList();
        assertThat(inputs).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> designedInputs() {
        String escalate = "escalateToCrisis checkbox default false";
        return Stream.of(
                arguments(
                        "confirm-triage",
                        List.of("tier select required", "category select required", escalate, "triageNote textarea")),
                arguments("sla-breach", List.of("breachNote textarea required minLength 10")),
                arguments(
                        "draft-reply",
                        List.of(
                                "replyApology textarea required minLength 10",
                                "replyCause textarea required minLength 10",
                                "replySolution textarea required minLength 10",
                                "replyInvitation textarea required minLength 10",
                                escalate)),
                arguments("approve-reply", List.of("replyDecision select required", "replyReviewNote textarea")),
                arguments(
                        "prepare-follow-up",
                        List.of(
                                "followUpFindings textarea required minLength 10",
                                "rootCause select required",
                                "customerType select required",
                                "contactChannel select required",
                                "openingScript textarea required minLength 20",
                                "resolutionSteps textarea required minLength 10",
                                escalate)),
                arguments(
                        "contact-customer",
                        List.of(
                                "followUpMessage textarea required minLength 20",
                                "contactOutcome select required",
                                "contactSummary textarea required minLength 10",
                                escalate)),
                arguments(
                        "offer-compensation",
                        List.of(
                                "compensationOption1 select required",
                                "compensationOption2 select required",
                                "compensationOption3 select",
                                "compensationAmount1 number min 0",
                                "compensationAmount2 number min 0",
                                "compensationAmount3 number min 0",
                                "offerMessage textarea required minLength 20",
                                escalate)),
                arguments(
                        "record-customer-choice",
                        List.of(
                                "chosenCompensation select required",
                                "compensationAmount number required min 0",
                                "choiceNote textarea",
                                escalate)),
                arguments(
                        "approve-compensation",
                        List.of("compensationDecision select required", "compensationReviewNote textarea")),
                arguments(
                        "confirm-resolution",
                        List.of(
                                "problemResolved select required",
                                "customerSatisfied select required",
                                "resolutionSummary textarea required minLength 10",
                                escalate)),
                arguments("record-review-outcome", List.of("reviewOutcome select required", escalate)),
                arguments(
                        "close-case",
                        List.of(
                                "rootCause select required",
                                "resolutionSummary textarea required minLength 10",
                                "customerSatisfaction select required",
                                escalate)),
                arguments(
                        "hold-retrospective",
                        List.of(
                                "retrospectiveCause select required",
                                "retrospectiveFindings textarea required minLength 10",
                                "retrospectiveAction textarea required minLength 10",
                                "trainingCase checkbox default false")),
                arguments(
                        "take-over-crisis",
                        List.of(
                                "crisisSummary textarea required minLength 10",
                                "proposePause checkbox default false",
                                "statementNeeded checkbox default true")),
                arguments("decide-on-pause", List.of("pauseDecision select required", "pauseNote textarea")),
                arguments("draft-statement", List.of("statementText textarea required minLength 30")),
                arguments(
                        "approve-statement",
                        List.of("statementDecision select required", "statementReviewNote textarea")),
                arguments(
                        "handle-failed-delivery",
                        List.of("deliveryDecision select required", "deliveryNote textarea required minLength 10")),
                arguments(
                        "review-extortion-risk",
                        List.of(
                                "extortionReviewDecision select required",
                                "reportToPlatform checkbox default false",
                                "extortionReviewNote textarea required minLength 10")),
                arguments(
                        "decide-systemic-fix",
                        List.of(
                                "systemicFixDecision select required",
                                "systemicFixChange textarea required minLength 10",
                                "systemicFixOwner textfield required minLength 2",
                                "systemicFixDueOn textfield required")),
                arguments(
                        "review-product-digest",
                        List.of("digestTakenUp textarea required minLength 10", "digestNotes textarea")));
    }

    private static String input(JsonNode component) {
        JsonNode validate = component.path("validate");
        StringBuilder text = new StringBuilder(component.path("key").asText())
                .append(' ')
                .append(component.path("type").asText());
        if (validate.path("required").asBoolean(false)) {
            text.append(" required");
        }
        if (validate.has("minLength")) {
            text.append(" minLength ").append(validate.path("minLength").asText());
        }
        if (validate.has("min")) {
            text.append(" min ").append(validate.path("min").asText());
        }
        if (component.has("defaultValue")) {
            text.append(" default ").append(component.path("defaultValue").asText());
        }
        return text.toString();
    }

    static Stream<Named<Path>> forms() {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files
                    .filter(p -> p.getFileName().toString().endsWith(".form"))
                    .sorted()
                    .map(p -> Named.of(p.getFileName().toString(), p))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Named<Path>> agentForms() {
        return forms().filter(form -> !NOT_AGENT_FORMS.contains(idOf(form.getPayload())));
    }

    private static String idOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.form$", "");
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return fail(file + " is not valid JSON: " + e.getMessage());
        }
    }

    /** All components, including those inside groups. */
    private static List<JsonNode> components(Path file) {
        List<JsonNode> all = new ArrayList<>();
        collect(read(file).path("components"), all);
        return all;
    }

    private static void collect(JsonNode components, List<JsonNode> all) {
        for (JsonNode component : components) {
            all.add(component);
            collect(component.path("components"), all);
        }
    }

    /** The components bound to a variable. */
    private static List<JsonNode> fields(Path file) {
        return components(file).stream().filter(c -> c.hasNonNull("key")).toList();
    }

    private static JsonNode field(Path file, String key) {
        return fields(file).stream()
                .filter(c -> c.path("key").asText().equals(key))
                .findFirst()
                .orElseGet(() -> fail(file + " has no field " + key));
    }

    private static boolean editable(JsonNode component) {
        return !component.path("disabled").asBoolean(false)
                && !component.path("readonly").asBoolean(false);
    }

    private static String describe(JsonNode component) {
        return component.path("type").asText() + " " + component.path("id").asText() + " ("
                + component.path("key").asText("no key") + ")";
    }
}
