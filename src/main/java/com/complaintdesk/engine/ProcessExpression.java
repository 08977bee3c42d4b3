package com.complaintdesk.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of an application bean that process owners may call from an expression in a BPMN
 * ({@code ${approvalPolicy.needsApproval(execution)}}). A deployed expression may call no other method of a bean: a
 * deployment that does is refused before it goes live.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProcessExpression {

    /** What the method answers, in one line, for the process owners' documentation. */
    String value();
}
