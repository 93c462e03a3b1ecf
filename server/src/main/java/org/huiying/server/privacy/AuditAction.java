package org.huiying.server.privacy;

/** What was done with a customer's record. */
public enum AuditAction {
    /** The customer card beside a ticket was shown (masked unless revealed). */
    CARD_VIEW,
    /** Full phone number and name shown, with a reason. */
    REVEAL,
    /** A conversation's message history was read. */
    CONVERSATION_READ,
    /** Customers were looked up by phone number. */
    LOOKUP,
    /** Everything stored about the customer was exported. */
    EXPORT,
    /** The customer's personal data and message texts were erased on request. */
    ERASE,
    /** Retention removed a conversation's texts, or the customer's personal data. */
    RETENTION
}
