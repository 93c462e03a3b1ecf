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
    RETENTION,
    /** A customer's history (tickets, callbacks, escalations, vehicles) was read. */
    TIMELINE_READ,
    /** Staff notes on a ticket were read. */
    NOTES_READ,
    /** A staff note was added to a ticket. */
    NOTE_ADD,
    /** A ticket's type, category, skills or vehicle was corrected. */
    RECLASSIFY,
    /** A vehicle was added to a customer. */
    VEHICLE_ADD,
    /** Two customer records were merged into one. */
    MERGE,
    /** A merge was undone. */
    UNMERGE,
    /** A chat session was joined to a customer by a verified phone number. */
    PHONE_VERIFIED,
    /** An admin changed a ticket type's SLA policy (no customer: the centre's own rules). */
    SLA_POLICY
}
