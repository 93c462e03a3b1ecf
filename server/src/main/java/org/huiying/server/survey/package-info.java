/**
 * Satisfaction surveys: one per resolved ticket, sent on the customer's own channel right after
 * service (never in quiet hours), answered by a chat rating or a free-text reply (「5」「五」
 * 「非常满意」「1 太慢了」), reported as CSAT against the 90 % target. A low score opens a follow-up
 * complaint linked to the original.
 */
package org.huiying.server.survey;
