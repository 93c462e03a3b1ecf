/**
 * Canned replies: the phrases agents and experts insert into their answers, kept by admins by
 * category, with placeholders (客户称呼, 工单号, 坐席姓名, 车型, each written in braces) that the console
 * fills from the ticket in hand when a phrase is inserted.
 */
package org.huiying.server.cannedreply;
