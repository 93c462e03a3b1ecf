/**
 * Customers' personal data (PIPL): masking of phone numbers and names for staff who do not need them,
 * audited reveals, the audit log of access to customer records, retention of closed conversations,
 * customer-data export and erasure, and the rules for links to customer media.
 *
 * <p>Privacy owns only the audit log. The modules that keep customers' data implement
 * {@link org.huiying.server.privacy.PersonalData} on their own tables and the conversation module
 * implements {@link org.huiying.server.privacy.CustomerDirectory}; privacy decides when and in which
 * transaction they run, and depends on none of them.
 */
package org.huiying.server.privacy;
