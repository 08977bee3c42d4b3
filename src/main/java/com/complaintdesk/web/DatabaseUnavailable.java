package com.complaintdesk.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database could not be reached, rather than a fault of the request or of the
 * application: no connection to be had (refused, pool timed out), or one cut while in use (SQL state class 08,
 * connection exception; 57P01–57P03, the server shutting down or starting up). A rollback that failed on the cut
 * connection hides the failure that caused it ({@link TransactionSystemException#getApplicationException()}); that
 * one is looked at too.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    static final int RETRY_AFTER_SECONDS = 5;

    static boolean causedBy(Throwable failure) {
        Deque<Throwable> open = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        if (failure != null) {
            open.push(failure);
        }
        while (!open.isEmpty()) {
            Throwable t = open.pop();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            // a commit or rollback on a connection the pool has already closed as broken: Hikari's "Connection is
            // closed" has no SQL state (the commit's own failure is then only logged, "overridden by rollback
            // exception")
            if (t instanceof TransactionSystemException
                    && t.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                open.push(rollback.getApplicationException());
            }
            if (t.getCause() != null) {
                open.push(t.getCause());
            }
        }
        return false;
    }

    /** The answer: 503, saying to send the request again. */
    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached at the moment. Send the request again shortly; a complaint sent again is kept once.");
        problem.setTitle("Service unavailable");
        return problem;
    }
}
