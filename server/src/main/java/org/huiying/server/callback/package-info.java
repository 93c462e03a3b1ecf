/**
 * Callbacks (回访): a phone follow-up task after every resolution, owned by whoever resolved it;
 * the result is recorded (reached, fixed, not fixed → a linked ticket reopens the problem, no
 * answer → try again tomorrow), and a complaint that was fixed gets a second call next month to
 * confirm the fix held.
 */
package org.huiying.server.callback;
