/**
 * The web console's server side: maps the console pages of {@code admin-ui} to their files, tells the
 * customer widget where the chat gateway listens, and gives agents the masked customer card of a ticket.
 * The pages themselves are static; every piece of data comes from the REST API and the live channels.
 */
package org.huiying.server.console;
