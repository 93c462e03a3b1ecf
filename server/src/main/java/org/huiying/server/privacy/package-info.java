/**
 * Customers' personal data (PIPL): masking of phone numbers and names for staff who do not need them,
 * audited reveals, the audit log of access to customer records, retention of closed conversations,
 * customer-data export and erasure, and the rules for links to customer media.
 */
package org.huiying.server.privacy;
