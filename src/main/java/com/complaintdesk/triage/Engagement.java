package com.complaintdesk.triage;

/**
 * A post's public reactions as the channel counts them at one moment (T6): likes, shares and comments so far.
 * Counts are totals since the post, never negative.
 */
public record Engagement(int likes, int shares, int comments) {

    public Engagement {
        if (likes < 0 || shares < 0 || comments < 0) {
            throw new IllegalArgumentException("Engagement counts must not be negative: likes " + likes + ", shares "
                    + shares + ", comments " + comments);
        }
    }

    /** Each count at the highest of the two: a count that went down (an unlike, a deleted comment) keeps its peak. */
    Engagement highest(Engagement other) {
        return new Engagement(
                Math.max(likes, other.likes), Math.max(shares, other.shares), Math.max(comments, other.comments));
    }

    /** True when any count is above the other's. */
    boolean anyAbove(Engagement other) {
        return likes > other.likes || shares > other.shares || comments > other.comments;
    }
}
