/**
 * Callbacks (回访): a phone follow-up task after every resolution, owned by whoever resolved it,
 * worked from the agent's queue (due today and overdue, and unowned ones for their skills), placed
 * through the voice channel when it can call out or dialled by hand; the result is recorded (fixed,
 * not fixed → a linked ticket reopens the problem, no answer → try again tomorrow, wrong number), a
 * complaint that was fixed gets a second call next month to confirm the fix held, and so does every
 * customer of a problem R&D fixed at its root. Supervisors reassign them.
 */
package org.huiying.server.callback;
