package org.huiying.server.security;

/**
 * Who may see which ticket or conversation, as the module that owns tickets decides it.
 * {@link RecordAccess} asks it; declared here so security depends on no feature.
 */
public interface RecordVisibility {

    /** True if the ticket exists and {@code me} may see it. */
    boolean ticketVisible(String ticketId, CurrentStaff me);

    /** True if the conversation exists and {@code me} may see it (through any ticket on it they may see). */
    boolean conversationVisible(String conversationId, CurrentStaff me);
}
