package com.complaintdesk.channel;

/**
 * A platform refused an outbound message or could not be reached. Says what the {@link Outbox} may do next:
 * <ul>
 *   <li>{@link #ChannelException(String) retryable} (the default): nothing reached the platform, or the platform
 *       failed on its side (5xx, unreachable, a 429); the step's job tries again later;</li>
 *   <li>{@link #refused refused}: the platform, or its rule checked here before calling (a text too long, a window
 *       closed), will refuse it again; retrying cannot help, so a person decides at once;</li>
 *   <li>{@link #outcomeUnknown outcome unknown}: the request went out but its answer was lost (a read timeout, a
 *       dropped connection), so the platform may have posted it; the next attempt looks on the platform first and
 *       never posts blindly.</li>
 * </ul>
 */
public class ChannelException extends RuntimeException {

    private final boolean refused;
    private final boolean outcomeUnknown;

    public ChannelException(String message) {
        this(message, null, false, false);
    }

    public ChannelException(String message, Throwable cause) {
        this(message, cause, false, false);
    }

    private ChannelException(String message, Throwable cause, boolean refused, boolean outcomeUnknown) {
        super(message, cause);
        this.refused = refused;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Nothing was posted, and the same message would be refused again: no retries, a person decides. */
    public static ChannelException refused(String message) {
        return new ChannelException(message, null, true, false);
    }

    /** Nothing was posted, and the same message would be refused again: no retries, a person decides. */
    public static ChannelException refused(String message, Throwable cause) {
        return new ChannelException(message, cause, true, false);
    }

    /** The request went out and its answer was lost: the platform may have posted it. */
    public static ChannelException outcomeUnknown(String message, Throwable cause) {
        return new ChannelException(message, cause, false, true);
    }

    /**
     * A call that failed in transport: retryable when the request cannot have reached the platform (no connection
     * was made: refused, timed out connecting, unknown host), otherwise {@link #outcomeUnknown}.
     */
    public static ChannelException fromTransport(String message, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.http.HttpConnectTimeoutException
                    || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return new ChannelException(message, cause);
            }
        }
        return outcomeUnknown(message, cause);
    }

    /** True when retrying the same message cannot succeed. */
    public boolean refused() {
        return refused;
    }

    /** True when the platform may have posted the message although no answer said so. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** The first {@link ChannelException} in {@code failure}'s causes, or null. */
    public static ChannelException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ChannelException channel) {
                return channel;
            }
        }
        return null;
    }
}
