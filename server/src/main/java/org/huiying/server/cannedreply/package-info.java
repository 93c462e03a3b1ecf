/**
 * Canned replies: the phrases agents and experts insert into their answers, kept by admins by
 * category, with placeholders ({@code {客户称呼}}, {@code {工单号}}, …) the console fills from the
 * ticket in hand when a phrase is inserted.
 */
package org.huiying.server.cannedreply;
