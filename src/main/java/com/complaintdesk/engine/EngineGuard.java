package com.complaintdesk.engine;

import com.complaintdesk.engine.EngineEndpoints.Endpoint;
import com.complaintdesk.web.CachedBodyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one guard chain in front of the Camunda engine API, {@code /engine-rest} and the webapps' {@code /camunda/api}.
 * Everything behind it (the engine REST resources, Tasklist's and Cockpit's APIs) may trust what it let through.
 * In this order:
 * <ol>
 *   <li><b>read</b> ({@link Reading}, before Spring Security): the path and query canonicalised as Jersey will read
 *       them ({@link CanonicalRequest}; anything two readers could read differently is 400), the body read once
 *       (JSON parsed, multipart split, size capped) and its content checked ({@link RequestContent}: no
 *       {@code orQueries}, no expressions outside variable values, no variable of a sender-chosen type); variables
 *       are read as stored, never rebuilt into objects ({@link ValuesNotDeserialized});</li>
 *   <li><b>decide</b> ({@link Deciding}, after Spring Security authenticated the caller): who the caller is (HTTP
 *       Basic or the webapps' session), which endpoint of {@link EngineEndpoints} the request is, and whether the
 *       caller's roles may call it ({@link EndpointPolicy}, fail closed); a change must not come from another site
 *       (Fetch Metadata, Origin); a task completion passes the {@link TaskCompletionCheck}s;</li>
 *   <li><b>answer</b>: a 5xx never carries the engine's text (a reference instead, the log has it); conflicts of
 *       people working at once become 409/404; an administrator's change of a job is published as
 *       {@link JobChangedByHand}.</li>
 * </ol>
 */
public final class EngineGuard {

    private static final Logger log = LoggerFactory.getLogger(EngineGuard.class);

    static final String ENGINE_REST = "engine-rest";
    /** A JSON body above this is refused before it is buffered. */
    public static final int MAX_JSON_BODY = 10 * 1024 * 1024;
    /** A deployment of processes, decisions and forms, or a file variable. */
    static final int MAX_MULTIPART_BODY = 50 * 1024 * 1024;

    private static final String READ = EngineGuard.class.getName() + ".read";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> CLIENT_MISTAKES = Set.of(
            "NullValueException",
            "NotValidException",
            "BadUserRequestException",
            "IllegalArgumentException",
            "NumberFormatException",
            "MismatchedInputException",
            "InvalidFormatException",
            "JsonMappingException",
            "JsonParseException",
            "DateTimeParseException",
            "InvalidRequestException",
            "UnrecognizedPropertyException",
            "SpinJsonDataFormatException");

    /** What the reading stage learnt of a request, for the deciding stage. */
    record Read(CanonicalRequest request, Api api, List<String> engineRelative, JsonNode body) {}

    /** Which API a request is for. */
    enum Api {
        ENGINE,
        WEBAPP_PLUGINS
    }

    private final String engineName;
    private final RequestContent content;
    private final ObjectMapper json;
    private final IdentityService identity;
    private final ManagementService management;
    private final EngineRunner runner;
    private final List<TaskCompletionCheck> completionChecks;
    private final ApplicationEventPublisher events;

    EngineGuard(
            String engineName,
            ObjectMapper json,
            int maxResults,
            IdentityService identity,
            ManagementService management,
            EngineRunner runner,
            List<TaskCompletionCheck> completionChecks,
            ApplicationEventPublisher events) {
        this.engineName = engineName;
        this.json = json;
        this.content = new RequestContent(json, maxResults);
        this.identity = identity;
        this.management = management;
        this.runner = runner;
        this.completionChecks = List.copyOf(completionChecks);
        this.events = events;
    }

    Reading reading() {
        return new Reading();
    }

    Deciding deciding() {
        return new Deciding();
    }

    /** Whether a path (decoded by the container, or raw) is one the guard stands in front of. */
    static boolean guarded(String path) {
        return path.startsWith("/engine-rest")
                || path.startsWith("/camunda/api")
                || path.startsWith("/%")
                || path.startsWith("/camunda/%");
    }

    // --- 1. read

    /** Canonicalises the request and reads its body once; runs before Spring Security. */
    final class Reading extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String raw =
                    request.getRequestURI().substring(request.getContextPath().length());
            String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            return !guarded(raw) && !guarded(decoded);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                CanonicalRequest canonical = CanonicalRequest.of(request);
                Api api = canonical.startsWith(ENGINE_REST) || canonical.startsWith("camunda", "api", "engine")
                        ? Api.ENGINE
                        : canonical.startsWith("camunda", "api") ? Api.WEBAPP_PLUGINS : null;
                if (api == null) {
                    chain.doFilter(request, response); // e.g. /engine-restless: not ours
                    return;
                }
                Optional<String> problem = content.checkQuery(canonical.query());
                if (problem.isPresent()) {
                    answer(response, Refusal.badRequest(problem.get()));
                    return;
                }
                JsonNode body = json.nullNode();
                HttpServletRequest forwarded = request;
                if (hasBody(request)) {
                    String type = request.getContentType() == null
                            ? ""
                            : request.getContentType().toLowerCase(Locale.ROOT);
                    boolean isJson = isJson(type);
                    boolean isMultipart = type.startsWith("multipart/form-data");
                    boolean isForm = type.startsWith("application/x-www-form-urlencoded");
                    if (!isJson && !isMultipart && !(isForm && api == Api.WEBAPP_PLUGINS)) {
                        answer(
                                response,
                                new Refusal(
                                        415,
                                        "InvalidRequestException",
                                        "A request body must be application/json"
                                                + (api == Api.ENGINE
                                                        ? " (or multipart/form-data for" + " a deployment)"
                                                        : ""),
                                        List.of()));
                        return;
                    }
                    int limit = isMultipart ? MAX_MULTIPART_BODY : MAX_JSON_BODY;
                    byte[] bytes = request.getInputStream().readNBytes(limit + 1);
                    if (bytes.length > limit) {
                        answer(
                                response,
                                new Refusal(
                                        413,
                                        "InvalidRequestException",
                                        "The request body must not be larger than " + limit + " bytes",
                                        List.of()));
                        return;
                    }
                    if (isJson) {
                        body = content.parse(bytes);
                        problem = content.checkJson(body);
                    } else if (isMultipart) {
                        problem = content.checkMultipart(bytes, request.getContentType());
                    }
                    if (problem.isPresent()) {
                        answer(response, Refusal.badRequest(problem.get()));
                        return;
                    }
                    forwarded = new CachedBodyRequest(request, bytes);
                }
                List<String> relative = api == Api.ENGINE ? engineRelative(canonical) : List.of();
                if (api == Api.ENGINE) {
                    forwarded = new ValuesNotDeserialized(forwarded);
                }
                forwarded.setAttribute(READ, new Read(canonical, api, relative, body));
                chain.doFilter(forwarded, response);
            } catch (CanonicalRequest.Unreadable e) {
                answer(response, Refusal.badRequest(e.getMessage()));
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isJson(String type) {
        return type.startsWith("application/json") || type.startsWith("application/hal+json");
    }

    /**
     * The path relative to the engine API of the default engine, as {@link EngineEndpoints} lists it:
     * {@code /engine-rest/task}, {@code /engine-rest/engine/default/task} and {@code /camunda/api/engine/engine/default/task}
     * are all {@code /task}; the engines' list is {@code /engine}. Another engine's name is unknown (404).
     */
    private List<String> engineRelative(CanonicalRequest request) throws CanonicalRequest.Unreadable {
        List<String> rest = request.startsWith(ENGINE_REST) ? request.after(1) : request.after(3);
        boolean named = !request.startsWith(ENGINE_REST)
                || !rest.isEmpty() && rest.get(0).equals("engine");
        if (!named) {
            return rest;
        }
        if (request.startsWith(ENGINE_REST)) {
            rest = rest.subList(1, rest.size());
        } else if (rest.isEmpty() || !rest.get(0).equals("engine")) {
            return List.of("engine", "(none)"); // /camunda/api/engine/… without the engine: not an endpoint
        } else {
            rest = rest.subList(1, rest.size());
        }
        if (rest.isEmpty()) {
            return List.of("engine");
        }
        if (!rest.get(0).equals(engineName)) {
            return List.of("engine", "(unknown)");
        }
        return rest.subList(1, rest.size());
    }

    // --- 2. decide, 3. answer

    /** Decides with the caller known; runs after Spring Security. */
    final class Deciding extends OncePerRequestFilter {

        /** Every request the reading stage read; and, failing closed, any other request for the engine API. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            return request.getAttribute(READ) == null
                    && !decoded.equals("/engine-rest")
                    && !decoded.startsWith("/engine-rest/")
                    && !decoded.startsWith("/camunda/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Read read = (Read) request.getAttribute(READ);
            if (read == null) {
                answer(response, Refusal.forbidden("The request was not read by the engine guard"));
                return;
            }
            String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
            Optional<EngineCaller> caller = caller(request, read);
            Optional<Endpoint> endpoint =
                    read.api() == Api.ENGINE ? EngineEndpoints.match(method, read.engineRelative()) : Optional.empty();
            if (read.api() == Api.ENGINE) {
                boolean engineList =
                        endpoint.isPresent() && endpoint.get().template().equals("/engine");
                if (caller.isEmpty() && !engineList) {
                    answer(response, new Refusal(401, "AuthenticationRequired", "Log in first", List.of()));
                    return;
                }
                if (caller.isPresent()) {
                    Optional<Refusal> refused = decide(method, endpoint, caller.get(), read);
                    if (refused.isPresent()) {
                        answer(response, refused.get());
                        return;
                    }
                }
            }
            if (!SAFE_METHODS.contains(method)) {
                Optional<Refusal> crossSite = crossSite(request);
                if (crossSite.isPresent()) {
                    answer(response, crossSite.get());
                    return;
                }
            }
            String taskId = completedTask(endpoint, read);
            TaskCompletionCheck.Completion completion = taskId == null || caller.isEmpty()
                    ? null
                    : new TaskCompletionCheck.Completion(taskId, caller.get(), read.body());
            if (completion != null) {
                for (TaskCompletionCheck check : completionChecks) {
                    Optional<Refusal> refused = asCaller(caller.get(), () -> check.before(completion));
                    if (refused.isPresent()) {
                        answer(response, refused.get());
                        return;
                    }
                }
            }
            Optional<Job> changedJob = changedJob(endpoint, read, caller);
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, answer);
                int status = answer.getStatus();
                if (status >= 500) {
                    serverError(request, answer, method);
                }
                if (completion != null && answer.getStatus() >= 400) {
                    for (TaskCompletionCheck check : completionChecks) {
                        int failed = answer.getStatus();
                        Optional<Refusal> better = asCaller(caller.get(), () -> check.afterFailure(completion, failed));
                        if (better.isPresent()) {
                            answer.resetBuffer();
                            answer(answer, better.get());
                            break;
                        }
                    }
                }
                if (changedJob.isPresent() && answer.getStatus() < 300) {
                    publishJobChange(changedJob.get(), endpoint.orElseThrow(), caller.orElseThrow(), read);
                }
            } finally {
                answer.copyBodyToResponse();
            }
        }
    }

    /** The first gate: the endpoint must be known and the caller's roles must be allowed to call it. */
    private Optional<Refusal> decide(String method, Optional<Endpoint> endpoint, EngineCaller caller, Read read) {
        if (caller.isAdministrator()) {
            return Optional.empty(); // unknown endpoints too: Jersey answers 404 or 405
        }
        if (endpoint.isEmpty()) {
            return Optional.of(Refusal.forbidden("Not an endpoint of the engine API open to your role: " + method + " /"
                    + String.join("/", read.engineRelative())));
        }
        if (!EndpointPolicy.allows(endpoint.get(), caller.groups())) {
            EndpointPolicy.Entry entry = EndpointPolicy.table().get(endpoint.get());
            return Optional.of(Refusal.forbidden("Your role may not call " + endpoint.get() + "; it is for "
                    + (entry == null ? "administrators" : entry.roleSet()) + " (see the role matrix in the README)"));
        }
        return Optional.empty();
    }

    /**
     * A change that comes from another site's page is refused: browsers say so in {@code Sec-Fetch-Site} and in
     * {@code Origin}. Machine clients (Camunda Modeler, scripts) send neither and are not affected.
     */
    public static Optional<Refusal> crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return Optional.of(Refusal.forbidden(
                    "Changes are not accepted from another site's page (Sec-Fetch-Site: " + site + ")"));
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return Optional.of(Refusal.forbidden("Changes are not accepted from another site's page (Origin: "
                    + origin.replaceAll("\\p{Cntrl}", "?") + ")"));
        }
        return Optional.empty();
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort()
                    && uri.getScheme().equalsIgnoreCase(request.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The caller of an engine API request: HTTP Basic on /engine-rest, the webapps' session on /camunda/api. */
    private Optional<EngineCaller> caller(HttpServletRequest request, Read read) {
        if (read.request().startsWith(ENGINE_REST)) {
            org.springframework.security.core.Authentication authentication =
                    SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null
                    || !authentication.isAuthenticated()
                    || authentication.getName() == null
                    || authentication.getPrincipal() == null
                    || "anonymousUser".equals(authentication.getPrincipal())) {
                return Optional.empty();
            }
            return Optional.of(
                    new EngineCaller(authentication.getName(), EngineCaller.groups(authentication.getAuthorities())));
        }
        return EngineCaller.webappUser(request, engineName)
                .map(userId -> new EngineCaller(userId, runner.groupsOf(userId)));
    }

    private static String completedTask(Optional<Endpoint> endpoint, Read read) {
        if (endpoint.isEmpty()) {
            return null;
        }
        String template = endpoint.get().template();
        boolean completion = endpoint.get().method().equals("POST")
                && (template.equals("/task/{}/submit-form") || template.equals("/task/{}/complete"));
        return completion ? read.engineRelative().get(1) : null;
    }

    /** The job an administrator is about to change through one of the single-job endpoints, as it is now. */
    private Optional<Job> changedJob(Optional<Endpoint> endpoint, Read read, Optional<EngineCaller> caller) {
        if (endpoint.isEmpty()
                || caller.isEmpty()
                || SAFE_METHODS.contains(endpoint.get().method())
                || !endpoint.get().template().startsWith("/job/{}")) {
            return Optional.empty();
        }
        String jobId = read.engineRelative().get(1);
        return Optional.ofNullable(runner.asEngine(
                        () -> management.createJobQuery().jobId(jobId).singleResult()))
                .filter(job -> job.getProcessInstanceId() != null);
    }

    private void publishJobChange(Job before, Endpoint endpoint, EngineCaller caller, Read read) {
        String action =
                switch (endpoint.template()) {
                    case "/job/{}/duedate", "/job/{}/duedate/recalculate" -> "due_date_moved";
                    case "/job/{}/execute" -> "fired_by_hand";
                    default -> "job_changed";
                };
        Job after = runner.asEngine(
                () -> management.createJobQuery().jobId(before.getId()).singleResult());
        OffsetDateTime dueAt = after != null && after.getDuedate() != null
                ? after.getDuedate().toInstant().atOffset(ZoneOffset.UTC)
                : null;
        String activityId = runner.asEngine(() -> {
            var definition = before.getJobDefinitionId() == null
                    ? null
                    : management
                            .createJobDefinitionQuery()
                            .jobDefinitionId(before.getJobDefinitionId())
                            .singleResult();
            return definition == null ? null : definition.getActivityId();
        });
        events.publishEvent(new JobChangedByHand(
                before.getId(),
                before.getProcessInstanceId(),
                activityId,
                action,
                dueAt,
                caller.userId(),
                OffsetDateTime.now(ZoneOffset.UTC)));
        log.info(
                "{} {} job {} of process instance {} ({}), {}",
                caller.userId(),
                action,
                before.getId(),
                before.getProcessInstanceId(),
                activityId,
                endpoint);
    }

    /**
     * A 5xx of the engine API: two people's changes at once become 409, a task completed a moment before 404, a
     * mistake of the caller's the engine failed to classify 400; anything else carries a reference, never the
     * engine's text (which can hold SQL, table names or values of other cases).
     */
    private void serverError(HttpServletRequest request, ContentCachingResponseWrapper answer, String method)
            throws IOException {
        String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (IOException e) {
            parsed = json.nullNode();
        }
        String type = parsed == null ? "" : parsed.path("type").asText("");
        answer.resetBuffer();
        if (!SAFE_METHODS.contains(method)
                && (body.contains("ENGINE-03005")
                        || body.contains("OptimisticLockingException")
                        // a row lock of the same case not granted in time (H2's lock timeout): the same conflict
                        || body.contains("QueryTimeoutException")
                        || body.contains("CannotAcquireLockException")
                        || body.contains("PessimisticLockingFailureException"))) {
            answer(
                    answer,
                    new Refusal(
                            409,
                            "OptimisticLockingException",
                            "Someone changed this case at the same moment; nothing of this request was kept. Reload and try again.",
                            List.of()));
        } else if (!SAFE_METHODS.contains(method) && body.contains("Cannot find task with id")) {
            answer(
                    answer,
                    new Refusal(
                            404,
                            "TaskNotFound",
                            "The task is no longer open: it was completed or deleted a moment ago. Reload the task list.",
                            List.of()));
        } else if (notFound(type, parsed.path("message").asText(""))) {
            answer(
                    answer,
                    new Refusal(
                            404,
                            "NotFound",
                            notFoundMessage(parsed.path("message").asText("")),
                            List.of()));
        } else if (CLIENT_MISTAKES.contains(type)) {
            answer(answer, Refusal.badRequest(parsed.path("message").asText("The request is not valid")));
        } else {
            String reference = UUID.randomUUID().toString();
            log.error(
                    "Engine API answered {} to {} {}, reference {}: {}",
                    answer.getStatus(),
                    method,
                    request.getRequestURI(),
                    reference,
                    body);
            Map<String, Object> masked = new LinkedHashMap<>();
            masked.put("type", "ServerError");
            masked.put("message", "Internal error; the server log has it under reference " + reference);
            masked.put("reference", reference);
            int status = answer.getStatus();
            answer.setStatus(status);
            answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
            answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
            answer.getOutputStream().write(json.writeValueAsBytes(masked));
        }
    }

    /**
     * The engine REST API answers some reads and deletes of an id that does not exist with 500 (a variable of no such
     * task or execution; the form of no such task): a mistake of the caller's, so 404.
     */
    private static boolean notFound(String type, String message) {
        return "RestException".equals(type) && (message.contains("doesn't exist") || message.contains("does not exist"))
                || "NullPointerException".equals(type) && message.contains("\"task\" is null");
    }

    private static String notFoundMessage(String message) {
        return message.contains("\"task\" is null") ? "No open task has this id" : message;
    }

    private <T> T asCaller(EngineCaller caller, Supplier<T> work) {
        return runner.as(caller.userId(), caller.groups(), work);
    }

    private void answer(HttpServletResponse response, Refusal refusal) throws IOException {
        refusal.writeTo(response, json);
    }
}
