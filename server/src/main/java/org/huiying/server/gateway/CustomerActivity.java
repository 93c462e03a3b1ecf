package org.huiying.server.gateway;

/** Lets staff see that a customer is typing. */
interface CustomerActivity {

    void typing(String conversationId);
}
