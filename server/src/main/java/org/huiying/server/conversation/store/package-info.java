/**
 * The message store of the conversation module: where customers' messages are numbered and made
 * durable, behind one interface, {@link org.huiying.server.conversation.store.MessageStore}, with two
 * implementations chosen by {@code huiying.appends.journal}: the group commit (many appends share a
 * transaction) and, on the embedded single-node server, the message journal (acknowledged once
 * forced to a file, moved into the database behind). Internal to the module. It reaches the message
 * table only through {@link org.huiying.server.conversation.store.MessageTable}, which the module
 * implements and passes in, so nothing here depends on the module's own classes (no package cycle).
 */
package org.huiying.server.conversation.store;
