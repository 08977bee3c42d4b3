package com.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * While the database is down or restarting (the two-node run's PostgreSQL restart, issue #9), the API answers a clear
 * 503 with Retry-After, not a 500, also when signing in fails for it: the client sends the same complaint again and intake's idempotency keeps it once.
 */
class DatabaseUnavailableTest {

    @RestController
    static class Failing {
        @PostMapping("/api/failing")
        void fail(@RequestParam String how) {
            throw switch (how) {
                // the pool cannot get a connection: PostgreSQL refuses or is not listening
                case "pool" ->
                    new CannotCreateTransactionException(
                            "Could not open JDBC Connection for transaction",
                            new SQLTransientConnectionException(
                                    "HikariPool-1 - Connection is not available, request timed out",
                                    "08001",
                                    new ConnectException("Connection refused")));
                case "jdbc" ->
                    new CannotGetJdbcConnectionException(
                            "Failed to obtain JDBC Connection", new SQLException("refused", "08001"));
                // a connection in use cut by PostgreSQL's immediate shutdown, seen through the engine
                case "engine" ->
                    new ProcessEngineException(
                            "ENGINE-03004 Exception while executing Database Operation",
                            new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
                // the cut connection failed the rollback too: the rollback's exception hides the cause
                case "rollback" -> {
                    TransactionSystemException rollback = new TransactionSystemException(
                            "JDBC rollback failed", new SQLException("Connection is closed"));
                    rollback.initApplicationException(
                            new SQLException("An I/O error occurred while sending to the backend.", "08006"));
                    yield rollback;
                }
                // the commit cut, then the rollback found the connection closed by the pool: only the rollback's
                // failure is thrown
                case "commit" ->
                    new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
                case "constraint" ->
                    new DataIntegrityViolationException("duplicate key", new SQLException("duplicate", "23505"));
                default -> new ProcessEngineException("ENGINE-09005 Could not parse BPMN process");
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiErrors())
            .build();

    @Test
    void databaseUnreachableIs503WithRetryAfter() throws Exception {
        for (String how : new String[] {"pool", "jdbc", "engine", "rollback", "commit"}) {
            mvc.perform(post("/api/failing").param("how", how))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.title").value("Service unavailable"))
                    .andExpect(
                            jsonPath("$.detail")
                                    .value(
                                            "The database cannot be reached at the moment. Send the request again shortly; a complaint sent again is kept once."));
        }
    }

    @Test
    void signingInWithoutTheDatabaseIs503Too() throws Exception {
        // as HTTP Basic does in the security filters, before any controller
        Filter signIn = (request, response, chain) -> {
            throw new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available, request timed out after 30000ms"));
        };
        MockMvc filtered = MockMvcBuilders.standaloneSetup(new Failing())
                .addFilters(new DatabaseUnavailableFilter(new ObjectMapper()), signIn)
                .build();
        filtered.perform(post("/api/failing").param("how", "parse"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "The database cannot be reached at the moment. Send the request again shortly; a complaint sent again is kept once."));
        Filter otherFailure = (request, response, chain) -> {
            throw new IllegalStateException("not the database");
        };
        MockMvc other = MockMvcBuilders.standaloneSetup(new Failing())
                .addFilters(new DatabaseUnavailableFilter(new ObjectMapper()), otherFailure)
                .build();
        assertThatThrownBy(() -> other.perform(post("/api/failing").param("how", "parse")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("not the database");
    }

    @Test
    void otherDatabaseAndEngineFailuresAreNotCalledUnavailable() {
        assertThatThrownBy(() -> mvc.perform(post("/api/failing").param("how", "constraint")))
                .hasRootCauseInstanceOf(SQLException.class)
                .hasRootCauseMessage("duplicate");
        assertThatThrownBy(() -> mvc.perform(post("/api/failing").param("how", "parse")))
                .hasCauseInstanceOf(ProcessEngineException.class);
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException(
                        "Could not commit JDBC transaction", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("admin shutdown", "57P01"))))
                .isTrue();
    }
}
