package com.complaintdesk.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each group may do, from the playbook's people table. Task work comes from the candidate groups in the
 * BPMN: Camunda grants a candidate group read and work on each task it is a candidate for.
 */
final class RoleAuthorizations {

    /** One grant: a group may do {@code permissions} on {@code resourceId} ({@code *}: all) of {@code resource}. */
    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

    static final String ALL = "*";

    /**
     * The product feedback digest's process id ({@code processes/product-feedback-digest.bpmn}): the product team may
     * see only that process. An id of the deployed diagram, not of the insights code, so that who may do what does not
     * depend on a read-side module; {@code ProcessIdsTest} checks it against the diagram.
     */
    static final String DIGEST_PROCESS = "ProductFeedbackDigest";

    static final List<Grant> GRANTS = List.of(
            // agents: triage, reply, contact, compensate — in Tasklist, on the tasks they are candidates for
            new Grant(Roles.AGENTS, APPLICATION, "tasklist", ACCESS),
            // READ_INSTANCE: the case's variables in Tasklist's list and forms
            new Grant(Roles.AGENTS, PROCESS_DEFINITION, ALL, READ, CREATE_INSTANCE, READ_INSTANCE),
            new Grant(Roles.AGENTS, PROCESS_INSTANCE, ALL, CREATE, READ),
            // channels (webhooks): report what a customer did on the platform to an open case (R3: an edited
            // comment, a review outcome), i.e. set its variables and correlate its messages
            new Grant(Roles.CHANNELS, PROCESS_INSTANCE, ALL, UPDATE),
            // supervisors: own crises and escalations, may take over any case's work
            new Grant(Roles.SUPERVISORS, APPLICATION, "tasklist", ACCESS),
            new Grant(Roles.SUPERVISORS, APPLICATION, "cockpit", ACCESS),
            new Grant(
                    Roles.SUPERVISORS,
                    PROCESS_DEFINITION,
                    ALL,
                    READ,
                    CREATE_INSTANCE,
                    READ_INSTANCE,
                    UPDATE_INSTANCE,
                    READ_TASK,
                    UPDATE_TASK,
                    READ_HISTORY),
            new Grant(Roles.SUPERVISORS, PROCESS_INSTANCE, ALL, CREATE, READ, UPDATE),
            new Grant(Roles.SUPERVISORS, TASK, ALL, READ, UPDATE),
            new Grant(Roles.SUPERVISORS, DECISION_DEFINITION, ALL, READ, READ_HISTORY),
            new Grant(Roles.SUPERVISORS, DEPLOYMENT, ALL, READ),
            new Grant(Roles.SUPERVISORS, OPERATION_LOG_CATEGORY, ALL, UserOperationLogCategoryPermissions.READ),
            // legal: reviews statements and replies on its own tasks
            new Grant(Roles.LEGAL, APPLICATION, "tasklist", ACCESS),
            new Grant(Roles.LEGAL, PROCESS_DEFINITION, ALL, READ, READ_INSTANCE),
            // owners: decide on pausing business and systemic fixes (A2, Task_DecideSystemicFix); read every case
            new Grant(Roles.OWNERS, APPLICATION, "tasklist", ACCESS),
            new Grant(Roles.OWNERS, APPLICATION, "cockpit", ACCESS),
            new Grant(Roles.OWNERS, PROCESS_DEFINITION, ALL, READ, READ_INSTANCE, READ_TASK, READ_HISTORY),
            new Grant(Roles.OWNERS, PROCESS_INSTANCE, ALL, READ),
            new Grant(Roles.OWNERS, DECISION_DEFINITION, ALL, READ, READ_HISTORY),
            new Grant(Roles.OWNERS, DEPLOYMENT, ALL, READ),
            // product team (A3): the quarterly product feedback digest, worked in Tasklist; only its own process
            new Grant(Roles.PRODUCT, APPLICATION, "tasklist", ACCESS),
            new Grant(Roles.PRODUCT, PROCESS_DEFINITION, DIGEST_PROCESS, READ, READ_INSTANCE),
            // process owners: edit and deploy BPMN, DMN and forms
            new Grant(Roles.PROCESS_OWNERS, APPLICATION, "cockpit", ACCESS),
            new Grant(Roles.PROCESS_OWNERS, DEPLOYMENT, ALL, CREATE, READ, DELETE),
            new Grant(Roles.PROCESS_OWNERS, PROCESS_DEFINITION, ALL, READ, UPDATE, READ_INSTANCE, READ_HISTORY),
            new Grant(Roles.PROCESS_OWNERS, DECISION_DEFINITION, ALL, READ, UPDATE, CREATE_INSTANCE, READ_HISTORY),
            new Grant(Roles.PROCESS_OWNERS, DECISION_REQUIREMENTS_DEFINITION, ALL, READ),
            // auditors: read everything, including history and who did what; change nothing
            new Grant(Roles.AUDITORS, APPLICATION, "cockpit", ACCESS),
            new Grant(Roles.AUDITORS, PROCESS_DEFINITION, ALL, READ, READ_INSTANCE, READ_TASK, READ_HISTORY),
            new Grant(Roles.AUDITORS, PROCESS_INSTANCE, ALL, READ),
            new Grant(Roles.AUDITORS, TASK, ALL, READ),
            new Grant(Roles.AUDITORS, DECISION_DEFINITION, ALL, READ, READ_HISTORY),
            new Grant(Roles.AUDITORS, DECISION_REQUIREMENTS_DEFINITION, ALL, READ),
            new Grant(Roles.AUDITORS, DEPLOYMENT, ALL, READ),
            new Grant(Roles.AUDITORS, OPERATION_LOG_CATEGORY, ALL, UserOperationLogCategoryPermissions.READ));

    private RoleAuthorizations() {}
}
